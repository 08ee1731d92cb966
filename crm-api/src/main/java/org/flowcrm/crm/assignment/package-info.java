/**
 * Assignment rules: an ordered list, kept by administrators, that decides who becomes responsible
 * for a new lead or deal (a user, round robin in a department, or nobody) from its amount, the
 * catalog sections of its products, the client's type and VIP flag, and its source. The {@code
 * crm.assign-responsible} worker asks {@link org.flowcrm.crm.assignment.AssignmentRuleService} for
 * the decision; without a matching rule it falls back to round robin among present managers.
 */
package org.flowcrm.crm.assignment;
