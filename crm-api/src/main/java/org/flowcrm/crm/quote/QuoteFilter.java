package org.flowcrm.crm.quote;

/** Which quotes a list shows; every field is optional. */
public record QuoteFilter(QuoteStatus status, Long dealId, Long contactId, Long companyId) {}
