/**
 * Contacts: the people the sales team talks to. A contact belongs to any number of companies and
 * remembers the lead it came from. Other features use {@link
 * org.flowcrm.crm.contact.ContactService}.
 */
package org.flowcrm.crm.contact;
