package org.flowcrm.crm.deal;

/** What a page shows of a deal another record links to: its title and the stage it stands in. */
public record DealHeadline(long id, String title, String stageName) {}
