package org.flowcrm.crm.invoice;

/** Which invoices a list shows; every field is optional. */
public record InvoiceFilter(
    InvoiceStatus status, Long dealId, Long contactId, Long companyId, Long responsibleId) {}
