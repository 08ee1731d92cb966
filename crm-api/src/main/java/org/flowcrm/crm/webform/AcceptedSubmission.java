package org.flowcrm.crm.webform;

/** What accepting a held submission created: the lead, or the contact and the deal. */
public record AcceptedSubmission(long id, Long leadId, Long contactId, Long dealId) {}
