package org.flowcrm.crm.lead;

import java.util.Map;

/**
 * Which leads a list shows; every field is optional. {@code status} is a status code; {@code q}
 * searches title, names, company name, e-mails and phones by first letters.
 */
public record LeadFilter(
    String status,
    LeadSource source,
    Long responsibleId,
    String q,
    Map<String, String> customFields) {
  /** Without custom field filters. */
  public LeadFilter(String status, LeadSource source, Long responsibleId, String q) {
    this(status, source, responsibleId, q, Map.of());
  }
}
