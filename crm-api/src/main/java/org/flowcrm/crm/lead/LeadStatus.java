package org.flowcrm.crm.lead;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.flowcrm.crm.shared.Named;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One entry of the configurable list of lead statuses. */
@Entity
@Table(name = "crm_lead_status")
@BatchSize(size = 50)
class LeadStatus implements Named {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "code", nullable = false, length = 40)
  private String code;

  @Column(name = "name", nullable = false, length = 100)
  private String name;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "semantic", nullable = false, length = 10)
  private StatusSemantic semantic;

  @Column(name = "sort_order", nullable = false)
  private int sortOrder;

  protected LeadStatus() {}

  LeadStatus(String code, String name, StatusSemantic semantic, int sortOrder) {
    this.code = code;
    this.name = name;
    this.semantic = semantic;
    this.sortOrder = sortOrder;
  }

  void rename(String name, int sortOrder) {
    this.name = name;
    this.sortOrder = sortOrder;
  }

  Long getId() {
    return id;
  }

  String getCode() {
    return code;
  }

  public String getName() {
    return name;
  }

  StatusSemantic getSemantic() {
    return semantic;
  }

  int getSortOrder() {
    return sortOrder;
  }
}
