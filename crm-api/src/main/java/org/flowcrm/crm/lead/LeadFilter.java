package org.flowcrm.crm.lead;

/**
 * Which leads a list shows; every field is optional. {@code status} is a status code; {@code q}
 * searches title, names, company name, e-mails and phones by first letters.
 */
public record LeadFilter(String status, LeadSource source, Long responsibleId, String q) {}
