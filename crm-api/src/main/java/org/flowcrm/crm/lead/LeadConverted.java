package org.flowcrm.crm.lead;

import java.time.Instant;

/** A lead was converted; the ids are {@code null} for what the conversion did not create/link. */
public record LeadConverted(
    long leadId,
    Long contactId,
    Long companyId,
    Long dealId,
    Long convertedBy,
    Instant convertedAt,
    Long processInstanceKey) {}
