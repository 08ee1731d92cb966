package org.flowcrm.crm.deal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** One entry of a deal's stage history: from where to where, who, when. */
@Entity
@Table(name = "crm_deal_stage_history")
public class DealStageChange {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "deal_id", nullable = false)
  private Deal deal;

  @Column(name = "from_stage_id")
  private Long fromStageId;

  @Column(name = "from_stage_name", length = 100)
  private String fromStageName;

  @Column(name = "to_stage_id", nullable = false)
  private Long toStageId;

  @Column(name = "to_stage_name", nullable = false, length = 100)
  private String toStageName;

  @Column(name = "changed_by")
  private Long changedBy;

  @Column(name = "changed_at", nullable = false)
  private Instant changedAt;

  protected DealStageChange() {}

  DealStageChange(Deal deal, Stage from, Stage to, Long changedBy) {
    this.deal = deal;
    this.fromStageId = from == null ? null : from.getId();
    this.fromStageName = from == null ? null : from.getName();
    this.toStageId = to.getId();
    this.toStageName = to.getName();
    this.changedBy = changedBy;
    this.changedAt = Instant.now();
  }

  public Long getFromStageId() {
    return fromStageId;
  }

  public String getFromStageName() {
    return fromStageName;
  }

  public Long getToStageId() {
    return toStageId;
  }

  public String getToStageName() {
    return toStageName;
  }

  public Long getChangedBy() {
    return changedBy;
  }

  public Instant getChangedAt() {
    return changedAt;
  }
}
