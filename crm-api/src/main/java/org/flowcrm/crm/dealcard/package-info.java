/**
 * The deal card in one read: a deal with the contacts, company and latest activities the caller may
 * see, for clients that would otherwise send four requests (and sign in four times) to open a deal.
 */
package org.flowcrm.crm.dealcard;
