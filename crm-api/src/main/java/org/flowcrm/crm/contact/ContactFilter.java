package org.flowcrm.crm.contact;

import java.util.Map;

/**
 * Which contacts a list shows; every field is optional. {@code q} searches name, e-mail, phone and
 * company name by first letters (any part of an e-mail, the trailing digits of a phone).
 */
public record ContactFilter(
    Long responsibleId,
    Long companyId,
    Long sourceLeadId,
    String q,
    Map<String, String> customFields) {
  /** Without custom field filters. */
  public ContactFilter(Long responsibleId, Long companyId, Long sourceLeadId, String q) {
    this(responsibleId, companyId, sourceLeadId, q, Map.of());
  }
}
