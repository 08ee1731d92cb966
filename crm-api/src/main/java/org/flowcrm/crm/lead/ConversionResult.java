package org.flowcrm.crm.lead;

/** The records a lead was converted into (null where nothing was created or linked). */
public record ConversionResult(long leadId, Long contactId, Long companyId, Long dealId) {}
