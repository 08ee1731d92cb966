/**
 * The people who work in the CRM and how they are organised: users (who is responsible for a
 * record, who changed it, whether he is at work) and departments in a hierarchy with a head. Other
 * features use {@link org.flowcrm.crm.user.UserService} and {@link
 * org.flowcrm.crm.user.DepartmentService} only; roles and permissions live in {@code permission}.
 */
package org.flowcrm.crm.user;
