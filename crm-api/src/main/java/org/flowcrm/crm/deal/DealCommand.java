package org.flowcrm.crm.deal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.flowcrm.crm.shared.ProductRow;

/**
 * The editable fields of a deal. {@code pipelineId} and {@code stageId} choose where a new deal
 * starts (the default pipeline's first stage when left out); afterwards the stage changes through
 * {@code DealService.moveToStage} only. With product rows, {@code amount} is their total. {@code
 * delivery} left out ({@code null}) keeps the deal's delivery wishes as they are; {@link
 * DeliveryWishes#NONE} clears them.
 */
public record DealCommand(
    @NotBlank @Size(max = 255) String title,
    Long pipelineId,
    Long stageId,
    @DecimalMin("0") @Digits(integer = 15, fraction = 2) BigDecimal amount,
    @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code like EUR") String currency,
    @Min(0) @Max(100) Integer probability,
    LocalDate expectedCloseDate,
    DealType type,
    Long responsibleId,
    Boolean visibleToAll,
    Long companyId,
    @Size(max = 100) List<@NotNull Long> contactIds,
    @Size(max = 500) List<@Valid @NotNull ProductRow> rows,
    Map<String, Object> customFields,
    @Valid DeliveryWishes delivery) {
  /**
   * Without custom fields: a write through this constructor leaves a record's custom fields as they
   * are.
   */
  public DealCommand(
      String title,
      Long pipelineId,
      Long stageId,
      BigDecimal amount,
      String currency,
      Integer probability,
      LocalDate expectedCloseDate,
      DealType type,
      Long responsibleId,
      Boolean visibleToAll,
      Long companyId,
      List<Long> contactIds,
      List<ProductRow> rows) {
    this(
        title,
        pipelineId,
        stageId,
        amount,
        currency,
        probability,
        expectedCloseDate,
        type,
        responsibleId,
        visibleToAll,
        companyId,
        contactIds,
        rows,
        null,
        null);
  }

  /**
   * Without delivery wishes: a write through this constructor leaves the deal's wishes as they are.
   */
  public DealCommand(
      String title,
      Long pipelineId,
      Long stageId,
      BigDecimal amount,
      String currency,
      Integer probability,
      LocalDate expectedCloseDate,
      DealType type,
      Long responsibleId,
      Boolean visibleToAll,
      Long companyId,
      List<Long> contactIds,
      List<ProductRow> rows,
      Map<String, Object> customFields) {
    this(
        title,
        pipelineId,
        stageId,
        amount,
        currency,
        probability,
        expectedCloseDate,
        type,
        responsibleId,
        visibleToAll,
        companyId,
        contactIds,
        rows,
        customFields,
        null);
  }

  /** This command with other delivery wishes. */
  public DealCommand withDelivery(DeliveryWishes wishes) {
    return new DealCommand(
        title,
        pipelineId,
        stageId,
        amount,
        currency,
        probability,
        expectedCloseDate,
        type,
        responsibleId,
        visibleToAll,
        companyId,
        contactIds,
        rows,
        customFields,
        wishes);
  }

  public DealCommand {
    contactIds = contactIds == null ? List.of() : contactIds;
    rows = rows == null ? List.of() : rows;
  }

  /** A deal with just a title, in the default pipeline, for quick creation. */
  public static DealCommand titled(String title) {
    return new DealCommand(
        title, null, null, null, null, null, null, null, null, null, null, null, null);
  }
}
