/**
 * Links from activities and tasks to any CRM item (lead, contact, company, deal, quote, invoice),
 * and the check that a linked item exists, through each feature's public service.
 */
package org.flowcrm.crm.link;
