package org.flowcrm.crm.inbox;

/**
 * One poll: unseen mails read, and what became of them (filed on a known item, new leads, excluded
 * senders, ignored mails of CRM users that forward nothing, already known Message-IDs, failures).
 */
public record PollResult(
    int read, int filed, int newLeads, int excluded, int ignored, int duplicates, int failed) {}
