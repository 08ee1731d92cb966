/**
 * Incoming mail: polls a mailbox over IMAP(S) for unseen mails and files each once (by Message-ID)
 * as an EMAIL activity on the known contact, company or lead it comes from, or as a new lead;
 * forwards by CRM users are filed under the original sender; attached vCards become contacts.
 */
package org.flowcrm.crm.inbox;
