package org.flowcrm.crm.deal;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flowcrm.crm.customfield.CustomFieldValues;
import org.flowcrm.crm.process.ProcessLink;
import org.flowcrm.crm.shared.AggregateRoot;
import org.flowcrm.crm.shared.ConflictException;
import org.flowcrm.crm.shared.InvalidFieldException;
import org.flowcrm.crm.shared.ProductRow;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A deal: an opportunity moving through the stages of one pipeline. The deal guards its own
 * transitions ({@link #moveTo}), keeps its amount in line with its product rows and records every
 * stage change.
 */
@Entity
@Table(name = "crm_deal")
public class Deal extends AggregateRoot<Deal> {

  /** Values of the custom fields, by code; checked by CustomFieldService before every write. */
  @Convert(converter = CustomFieldValues.class)
  @Column(name = "custom_fields")
  private Map<String, Object> customFields = new LinkedHashMap<>();

  @Column(name = "title", nullable = false, length = 255)
  private String title;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "pipeline_id", nullable = false)
  private Pipeline pipeline;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "stage_id", nullable = false)
  private Stage stage;

  @Column(name = "amount", nullable = false, precision = 17, scale = 2)
  private BigDecimal amount = BigDecimal.ZERO;

  @Column(name = "currency", nullable = false, length = 3)
  private String currency;

  @Column(name = "probability")
  private Integer probability;

  @Column(name = "expected_close_date")
  private LocalDate expectedCloseDate;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "type", length = 20)
  private DealType type;

  @Column(name = "responsible_id")
  private Long responsibleId;

  @Column(name = "visible_to_all", nullable = false)
  private boolean visibleToAll = true;

  @Column(name = "company_id")
  private Long companyId;

  @ElementCollection
  @CollectionTable(name = "crm_deal_contact", joinColumns = @JoinColumn(name = "deal_id"))
  @Column(name = "contact_id", nullable = false)
  @BatchSize(size = 100)
  private Set<Long> contactIds = new LinkedHashSet<>();

  @ElementCollection
  @CollectionTable(name = "crm_deal_product_row", joinColumns = @JoinColumn(name = "deal_id"))
  @OrderColumn(name = "position")
  @BatchSize(size = 100)
  private List<ProductRow> rows = new ArrayList<>();

  @Column(name = "closed", nullable = false)
  private boolean closed;

  @Column(name = "closed_at")
  private Instant closedAt;

  @Column(name = "source_lead_id")
  private Long sourceLeadId;

  // The client's delivery wishes (V35), a field group read and written as DeliveryWishes.
  @Column(name = "delivery_address", length = 500)
  private String deliveryAddress;

  @Column(name = "delivery_date")
  private LocalDate deliveryDate;

  @Column(name = "delivery_window", length = 50)
  private String deliveryWindow;

  @Column(name = "delivery_note", length = 2000)
  private String deliveryNote;

  // Whether the CRM starts this deal's process after the commit; the lost-start catch-up only
  // looks at those deals. Set once at creation.
  @Column(name = "starts_process", nullable = false, updatable = false)
  private boolean startsProcess;

  // The process link is written by ProcessLinkService only (see V11): read-only here.
  @Column(name = "process_instance_key", insertable = false, updatable = false)
  private Long processInstanceKey;

  @Column(name = "process_id", insertable = false, updatable = false)
  private String processId;

  @Column(name = "process_element_id", insertable = false, updatable = false)
  private String processElementId;

  @Column(name = "process_element_name", insertable = false, updatable = false)
  private String processElementName;

  @Column(name = "process_element_since", insertable = false, updatable = false)
  private Instant processElementSince;

  @OneToMany(mappedBy = "deal", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("changedAt ASC, id ASC")
  @BatchSize(size = 100)
  private List<DealStageChange> stageHistory = new ArrayList<>();

  protected Deal() {}

  /**
   * A new deal in {@code stage}, an open stage of {@code pipeline}; {@code startsProcess} when the
   * CRM starts its process after the commit.
   */
  Deal(
      Pipeline pipeline,
      Stage stage,
      String currency,
      Long sourceLeadId,
      Long createdBy,
      boolean startsProcess) {
    if (!stage.getPipeline().getId().equals(pipeline.getId())) {
      throw new InvalidFieldException(
          "stageId", "stage " + stage.getId() + " is not a stage of pipeline " + pipeline.getId());
    }
    if (stage.getSemantic().isFinal()) {
      throw new InvalidFieldException(
          "stageId", "a new deal starts in an open stage, not in " + stage.getCode());
    }
    this.pipeline = pipeline;
    this.stage = stage;
    this.currency = currency;
    this.sourceLeadId = sourceLeadId;
    this.startsProcess = startsProcess;
    this.probability = stage.getProbability();
    this.stageHistory.add(new DealStageChange(this, null, stage, createdBy));
  }

  /** Replaces the editable fields; with product rows the amount is their total. */
  void update(
      String title,
      BigDecimal amount,
      String currency,
      Integer probability,
      LocalDate expectedCloseDate,
      DealType type,
      Long responsibleId,
      boolean visibleToAll,
      Long companyId,
      Set<Long> contactIds,
      List<ProductRow> rows) {
    this.title = title;
    this.currency = currency;
    if (probability != null) {
      this.probability = probability;
    }
    this.expectedCloseDate = expectedCloseDate;
    this.type = type;
    this.responsibleId = responsibleId;
    this.visibleToAll = visibleToAll;
    this.companyId = companyId;
    this.contactIds.clear();
    this.contactIds.addAll(contactIds);
    this.rows.clear();
    this.rows.addAll(rows);
    this.amount = rows.isEmpty() ? (amount == null ? BigDecimal.ZERO : amount) : rowsTotal();
    touch();
  }

  /**
   * Gives every product row at least {@code percent} discount (rows with a larger one keep it) and
   * recalculates the amount. Returns {@code false} when no row changed, so applying the same agreed
   * discount twice changes nothing.
   */
  boolean grantDiscount(BigDecimal percent) {
    boolean changed = false;
    for (int i = 0; i < rows.size(); i++) {
      ProductRow row = rows.get(i);
      if (row.discountPercent().compareTo(percent) < 0) {
        rows.set(
            i,
            new ProductRow(
                row.productId(),
                row.name(),
                row.quantity(),
                row.price(),
                percent,
                row.taxPercent()));
        changed = true;
      }
    }
    if (changed) {
      amount = rowsTotal();
      touch();
    }
    return changed;
  }

  /**
   * Refuses a move {@link #moveTo} would refuse, without changing anything; returns {@code false}
   * when the deal is already in {@code target}.
   */
  boolean checkMove(Stage target) {
    if (!target.getPipeline().getId().equals(pipeline.getId())) {
      throw new InvalidFieldException(
          "stageId",
          "stage "
              + target.getId()
              + " belongs to pipeline "
              + target.getPipeline().getId()
              + ", but deal "
              + getId()
              + " is in pipeline "
              + pipeline.getId());
    }
    if (target.getId().equals(stage.getId())) {
      return false;
    }
    if (closed) {
      throw new ConflictException(
          "Deal "
              + getId()
              + " is closed as "
              + stage.getSemantic()
              + " ("
              + stage.getName()
              + ") and cannot move to "
              + target.getName());
    }
    return true;
  }

  /**
   * Moves the deal to {@code target}, a stage of its own pipeline. Reaching the won or lost stage
   * closes the deal; a closed deal does not move any more. Returns {@code false} when the deal is
   * already there.
   */
  boolean moveTo(Stage target, Long changedBy) {
    if (!checkMove(target)) {
      return false;
    }
    Stage from = stage;
    DealStageChange change = new DealStageChange(this, from, target, changedBy);
    stageHistory.add(change);
    stage = target;
    if (target.getSemantic().isFinal()) {
      closed = true;
      closedAt = change.getChangedAt();
      probability = target.getSemantic() == StageSemantic.WON ? 100 : 0;
    } else if (target.getProbability() != null) {
      probability = target.getProbability();
    }
    touch();
    registerEvent(
        new DealStageChanged(
            getId(),
            pipeline.getId(),
            from.getId(),
            from.getCode(),
            target.getId(),
            target.getCode(),
            target.getSemantic(),
            changedBy,
            change.getChangedAt(),
            processInstanceKey));
    return true;
  }

  /**
   * Reopens a closed (won or lost) deal in {@code target}, an open stage of its pipeline; recorded
   * and published like any other stage change.
   */
  void reopen(Stage target, Long changedBy) {
    if (!closed) {
      throw new ConflictException("Deal " + getId() + " is open; move it instead");
    }
    if (target.getSemantic().isFinal()) {
      throw new InvalidFieldException("stageId", "a deal reopens in an open stage");
    }
    closed = false;
    closedAt = null;
    moveTo(target, changedBy);
  }

  BigDecimal rowsTotal() {
    return rows.stream().map(ProductRow::total).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  public String getTitle() {
    return title;
  }

  public Pipeline getPipeline() {
    return pipeline;
  }

  public Stage getStage() {
    return stage;
  }

  public BigDecimal getAmount() {
    return amount;
  }

  public String getCurrency() {
    return currency;
  }

  public Integer getProbability() {
    return probability;
  }

  public LocalDate getExpectedCloseDate() {
    return expectedCloseDate;
  }

  public DealType getType() {
    return type;
  }

  public Long getResponsibleId() {
    return responsibleId;
  }

  public boolean isVisibleToAll() {
    return visibleToAll;
  }

  public Long getCompanyId() {
    return companyId;
  }

  public Set<Long> getContactIds() {
    return Set.copyOf(contactIds);
  }

  public List<ProductRow> getRows() {
    return List.copyOf(rows);
  }

  public boolean isClosed() {
    return closed;
  }

  public Instant getClosedAt() {
    return closedAt;
  }

  public Long getSourceLeadId() {
    return sourceLeadId;
  }

  public DeliveryWishes getDeliveryWishes() {
    return new DeliveryWishes(deliveryAddress, deliveryDate, deliveryWindow, deliveryNote);
  }

  /** Replaces the delivery wishes (all four fields; {@link DeliveryWishes#NONE} clears them). */
  void setDeliveryWishes(DeliveryWishes wishes) {
    if (!wishes.equals(getDeliveryWishes())) {
      deliveryAddress = wishes.address();
      deliveryDate = wishes.date();
      deliveryWindow = wishes.timeWindow();
      deliveryNote = wishes.note();
      touch();
    }
  }

  public boolean isStartsProcess() {
    return startsProcess;
  }

  public Long getProcessInstanceKey() {
    return processInstanceKey;
  }

  /** The process driving this record and where it is, or {@code null}. */
  public ProcessLink getProcessLink() {
    return ProcessLink.of(
        processInstanceKey, processId, processElementId, processElementName, processElementSince);
  }

  public List<DealStageChange> getStageHistory() {
    return List.copyOf(stageHistory);
  }

  /** Makes another user responsible. */
  void assignTo(Long userId) {
    this.responsibleId = userId;
    touch();
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
