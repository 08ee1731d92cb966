/**
 * Outgoing mail: templates editable at runtime (Freemarker subject and body, sandboxed), sending a
 * template for a CRM record through Spring's JavaMailSender with the invoice PDF attached, a record
 * of every mail ({@code crm_outbound_mail}, once per dedupe key) and an EMAIL entry on the record's
 * timeline.
 */
package org.flowcrm.crm.mail;
