package org.flowcrm.crm.company;

import java.util.Map;

/**
 * Which companies a list shows; every field is optional. {@code q} searches name, e-mail, phone,
 * website and tax number by first letters (any part of an e-mail, the trailing digits of a phone).
 */
public record CompanyFilter(
    Long responsibleId,
    String industry,
    Long sourceLeadId,
    String q,
    Map<String, String> customFields) {
  /** Without custom field filters. */
  public CompanyFilter(Long responsibleId, String industry, Long sourceLeadId, String q) {
    this(responsibleId, industry, sourceLeadId, q, Map.of());
  }
}
