/**
 * Invoices: created from a deal in one call (copying its rows) or by hand, numbered, with payer,
 * payment method, due date and an unguessable public token. Marking one paid publishes {@link
 * org.flowcrm.crm.invoice.InvoicePaid}, which a deal's process can wait for.
 */
package org.flowcrm.crm.invoice;
