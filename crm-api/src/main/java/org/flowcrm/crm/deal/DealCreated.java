package org.flowcrm.crm.deal;

/**
 * A deal was created. {@code startsProcess} is true for a deal a manager (or the API) creates: its
 * deal-execution process is started after the commit. A deal converted from a lead is started by
 * the lead's process (its step "Start deal execution"), and an imported deal starts nothing.
 */
public record DealCreated(
    long dealId, Long sourceLeadId, Long responsibleId, boolean startsProcess) {}
