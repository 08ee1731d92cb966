package org.flowcrm.crm.lead;

import java.time.Instant;

/** A lead was created (e.g. to start the lead-qualification process). */
public record LeadCreated(
    long leadId, LeadSource source, String status, Long responsibleId, Instant createdAt) {}
