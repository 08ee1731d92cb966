/**
 * Leads: first contact with a potential customer, from a web form, an e-mail, a call, an import,
 * the API or the online store. A lead is worked on through configurable statuses and finally
 * converted into a contact, a company and/or a deal, or marked as junk. Other features and the
 * process workers use {@link org.flowcrm.crm.lead.LeadService}.
 */
package org.flowcrm.crm.lead;
