package org.flowcrm.crm.product;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.flowcrm.crm.shared.AggregateRoot;
import org.flowcrm.crm.shared.Named;

/** A section of the catalog; {@code parentId} nests it in another one. */
@Entity
@Table(name = "crm_product_section")
class ProductSection extends AggregateRoot<ProductSection> implements Named {

  @Column(name = "name", nullable = false, length = 150)
  private String name;

  @Column(name = "parent_id")
  private Long parentId;

  @Column(name = "sort_order", nullable = false)
  private int sortOrder;

  protected ProductSection() {}

  ProductSection(String name, Long parentId, int sortOrder) {
    update(name, parentId, sortOrder);
  }

  void update(String name, Long parentId, int sortOrder) {
    this.name = name;
    this.parentId = parentId;
    this.sortOrder = sortOrder;
    touch();
  }

  public String getName() {
    return name;
  }

  Long getParentId() {
    return parentId;
  }

  int getSortOrder() {
    return sortOrder;
  }
}
