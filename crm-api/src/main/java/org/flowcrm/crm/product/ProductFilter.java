package org.flowcrm.crm.product;

import java.util.Map;

/**
 * Which products a list shows; every field is optional. {@code q} matches names starting with it
 * (quick search); {@code sectionId} includes its sub-sections unless {@code includeSubsections} is
 * false.
 */
public record ProductFilter(
    String q,
    Long sectionId,
    Boolean includeSubsections,
    Boolean active,
    String currency,
    Map<String, String> customFields) {
  /** Without custom field filters. */
  public ProductFilter(
      String q, Long sectionId, Boolean includeSubsections, Boolean active, String currency) {
    this(q, sectionId, includeSubsections, active, currency, Map.of());
  }
}
