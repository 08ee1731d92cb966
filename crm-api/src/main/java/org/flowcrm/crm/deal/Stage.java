package org.flowcrm.crm.deal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.flowcrm.crm.shared.Named;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One stage of a pipeline. */
@Entity
@Table(name = "crm_pipeline_stage")
@BatchSize(size = 50)
public class Stage implements Named {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "pipeline_id", nullable = false)
  private Pipeline pipeline;

  @Column(name = "code", nullable = false, length = 40)
  private String code;

  @Column(name = "name", nullable = false, length = 100)
  private String name;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "semantic", nullable = false, length = 10)
  private StageSemantic semantic;

  @Column(name = "probability")
  private Integer probability;

  @Column(name = "sort_order", nullable = false)
  private int sortOrder;

  protected Stage() {}

  Stage(
      Pipeline pipeline,
      String code,
      String name,
      StageSemantic semantic,
      Integer probability,
      int sortOrder) {
    this.pipeline = pipeline;
    this.code = code;
    this.name = name;
    this.semantic = semantic;
    this.probability = probability;
    this.sortOrder = sortOrder;
  }

  void update(String name, Integer probability, int sortOrder) {
    this.name = name;
    this.probability = probability;
    this.sortOrder = sortOrder;
  }

  public Long getId() {
    return id;
  }

  public Pipeline getPipeline() {
    return pipeline;
  }

  public String getCode() {
    return code;
  }

  public String getName() {
    return name;
  }

  public StageSemantic getSemantic() {
    return semantic;
  }

  public Integer getProbability() {
    return probability;
  }

  public int getSortOrder() {
    return sortOrder;
  }
}
