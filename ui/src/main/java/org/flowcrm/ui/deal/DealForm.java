package org.flowcrm.ui.deal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.flowcrm.crm.deal.DealCommand;
import org.flowcrm.crm.deal.DealType;
import org.flowcrm.crm.deal.DealView;
import org.flowcrm.crm.deal.DeliveryWishes;
import org.flowcrm.crm.shared.ProductRow;
import org.flowcrm.ui.record.AddressRow;
import org.flowcrm.ui.record.CustomFieldInputs;
import org.flowcrm.ui.record.RecordForm;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * What the deal form posts: the fields of {@link DealCommand} except product rows (edited on the
 * card), the delivery wishes as a {@link DeliveryRow} and, for an edit, the version it was rendered
 * with. Pipeline and stage only matter for a new deal: afterwards the stage moves through the
 * deal's process ({@code POST /deals/{id}/stage}), never through this form.
 */
public class DealForm extends RecordForm {

  private String title;
  private Long pipelineId;
  private Long stageId;
  private BigDecimal amount;
  private String currency;
  private Integer probability;

  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
  private LocalDate expectedCloseDate;

  private DealType type;
  private Long responsibleId;
  private boolean visibleToAll = true;
  private Long companyId;
  private List<Long> contactIds = new ArrayList<>();
  private DeliveryRow delivery = new DeliveryRow();

  static DealForm blank(Long responsibleId, long pipelineId, String currency) {
    DealForm form = new DealForm();
    form.responsibleId = responsibleId;
    form.pipelineId = pipelineId;
    form.currency = currency;
    return form;
  }

  static DealForm of(DealView d) {
    DealForm form = new DealForm();
    form.title = d.title();
    form.pipelineId = d.pipelineId();
    form.stageId = d.stageId();
    form.amount = d.amount();
    form.currency = d.currency();
    form.probability = d.probability();
    form.expectedCloseDate = d.expectedCloseDate();
    form.type = d.type();
    form.responsibleId = d.responsibleId();
    form.visibleToAll = d.visibleToAll();
    form.companyId = d.companyId();
    form.contactIds = new ArrayList<>(d.contactIds());
    CustomFieldInputs.fill(form.getCustomFields(), d.customFields());
    form.delivery = DeliveryRow.of(d.delivery());
    form.setVersion(d.version());
    return form;
  }

  /**
   * A new deal: where it starts, and everything else. {@code text} gives the messages of the
   * delivery window's refusals ({@link DeliveryRow#toWishes}).
   */
  DealCommand toNewCommand(Map<String, Object> customFieldValues, UnaryOperator<String> text) {
    return command(pipelineId, stageId, List.of(), customFieldValues, text);
  }

  /**
   * An edit of {@code current}: its pipeline, stage and product rows stay as they are (the service
   * takes whole records; with rows, the amount is their total).
   */
  DealCommand toUpdateCommand(
      DealView current, Map<String, Object> customFieldValues, UnaryOperator<String> text) {
    return command(
        current.pipelineId(), current.stageId(), rowsOf(current), customFieldValues, text);
  }

  static List<ProductRow> rowsOf(DealView deal) {
    return deal.rows().stream()
        .map(
            r ->
                new ProductRow(
                    r.productId(),
                    r.name(),
                    r.quantity(),
                    r.price(),
                    r.discountPercent(),
                    r.taxPercent()))
        .toList();
  }

  private DealCommand command(
      Long pipeline,
      Long stage,
      List<ProductRow> rows,
      Map<String, Object> customFieldValues,
      UnaryOperator<String> text) {
    contactIds.removeIf(id -> id == null);
    DeliveryWishes wishes = delivery == null ? DeliveryWishes.NONE : delivery.toWishes(text);
    return new DealCommand(
        AddressRow.trim(title),
        pipeline,
        stage,
        amount,
        AddressRow.upper(AddressRow.trim(currency)),
        probability,
        expectedCloseDate,
        type,
        responsibleId,
        visibleToAll,
        companyId,
        contactIds,
        rows,
        customFieldValues,
        wishes);
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public Long getPipelineId() {
    return pipelineId;
  }

  public void setPipelineId(Long pipelineId) {
    this.pipelineId = pipelineId;
  }

  public Long getStageId() {
    return stageId;
  }

  public void setStageId(Long stageId) {
    this.stageId = stageId;
  }

  public BigDecimal getAmount() {
    return amount;
  }

  public void setAmount(BigDecimal amount) {
    this.amount = amount;
  }

  public String getCurrency() {
    return currency;
  }

  public void setCurrency(String currency) {
    this.currency = currency;
  }

  public Integer getProbability() {
    return probability;
  }

  public void setProbability(Integer probability) {
    this.probability = probability;
  }

  public LocalDate getExpectedCloseDate() {
    return expectedCloseDate;
  }

  public void setExpectedCloseDate(LocalDate expectedCloseDate) {
    this.expectedCloseDate = expectedCloseDate;
  }

  public DealType getType() {
    return type;
  }

  public void setType(DealType type) {
    this.type = type;
  }

  public Long getResponsibleId() {
    return responsibleId;
  }

  public void setResponsibleId(Long responsibleId) {
    this.responsibleId = responsibleId;
  }

  public boolean isVisibleToAll() {
    return visibleToAll;
  }

  public void setVisibleToAll(boolean visibleToAll) {
    this.visibleToAll = visibleToAll;
  }

  public Long getCompanyId() {
    return companyId;
  }

  public void setCompanyId(Long companyId) {
    this.companyId = companyId;
  }

  public List<Long> getContactIds() {
    return contactIds;
  }

  public void setContactIds(List<Long> contactIds) {
    this.contactIds = contactIds;
  }

  public DeliveryRow getDelivery() {
    return delivery;
  }

  public void setDelivery(DeliveryRow delivery) {
    this.delivery = delivery;
  }
}
