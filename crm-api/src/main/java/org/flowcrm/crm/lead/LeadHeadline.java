package org.flowcrm.crm.lead;

/** What a page shows of a lead another record links to: its title and its status. */
public record LeadHeadline(long id, String title, String statusName) {}
