package org.flowcrm.crm.product;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flowcrm.crm.customfield.CustomFieldValues;
import org.flowcrm.crm.shared.AggregateRoot;

/** A product or service the team sells. */
@Entity
@Table(name = "crm_product")
class Product extends AggregateRoot<Product> {

  /** Values of the custom fields, by code; checked by CustomFieldService before every write. */
  @Convert(converter = CustomFieldValues.class)
  @Column(name = "custom_fields")
  private Map<String, Object> customFields = new LinkedHashMap<>();

  @Column(name = "name", nullable = false, length = 255)
  private String name;

  @Column(name = "sku", length = 64)
  private String sku;

  @Column(name = "description", length = 10000)
  private String description;

  @Column(name = "active", nullable = false)
  private boolean active = true;

  @Column(name = "price", nullable = false, precision = 17, scale = 2)
  private BigDecimal price;

  @Column(name = "currency", nullable = false, length = 3)
  private String currency;

  @Column(name = "unit", nullable = false, length = 20)
  private String unit;

  @Column(name = "vat_rate", precision = 5, scale = 2)
  private BigDecimal vatRate;

  @Column(name = "section_id")
  private Long sectionId;

  protected Product() {}

  Product(ProductCommand command, String currency) {
    update(command, currency);
  }

  void update(ProductCommand c, String currency) {
    this.name = c.name();
    this.sku = c.sku();
    this.description = c.description();
    this.active = c.active() == null || c.active();
    this.price = c.price();
    this.currency = currency;
    this.unit = c.unit() == null ? "pcs" : c.unit();
    this.vatRate = c.vatRate();
    this.sectionId = c.sectionId();
    touch();
  }

  String getName() {
    return name;
  }

  String getSku() {
    return sku;
  }

  String getDescription() {
    return description;
  }

  boolean isActive() {
    return active;
  }

  BigDecimal getPrice() {
    return price;
  }

  String getCurrency() {
    return currency;
  }

  String getUnit() {
    return unit;
  }

  BigDecimal getVatRate() {
    return vatRate;
  }

  Long getSectionId() {
    return sectionId;
  }

  public Map<String, Object> getCustomFields() {
    return Collections.unmodifiableMap(customFields);
  }

  /** Replaces the custom field values with ones CustomFieldService has checked. */
  void setCustomFields(Map<String, Object> values) {
    if (!values.equals(customFields)) {
      customFields = new LinkedHashMap<>(values);
      touch();
    }
  }
}
