package org.flowcrm.crm.product;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/** A product as callers see it. */
public record ProductView(
    long id,
    long version,
    String name,
    String sku,
    String description,
    boolean active,
    BigDecimal price,
    String currency,
    String unit,
    BigDecimal vatRate,
    Long sectionId,
    Instant createdAt,
    Instant updatedAt,
    Map<String, Object> customFields) {

  static ProductView of(Product p) {
    return new ProductView(
        p.getId(),
        p.getVersion(),
        p.getName(),
        p.getSku(),
        p.getDescription(),
        p.isActive(),
        p.getPrice(),
        p.getCurrency(),
        p.getUnit(),
        p.getVatRate(),
        p.getSectionId(),
        p.getCreatedAt(),
        p.getUpdatedAt(),
        p.getCustomFields());
  }
}
