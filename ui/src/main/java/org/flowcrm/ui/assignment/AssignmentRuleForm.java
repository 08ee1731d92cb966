package org.flowcrm.ui.assignment;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.flowcrm.crm.assignment.AssignedRecord;
import org.flowcrm.crm.assignment.AssignmentRuleCommand;
import org.flowcrm.crm.assignment.AssignmentRuleView;
import org.flowcrm.crm.assignment.ClientType;
import org.flowcrm.crm.assignment.RuleTarget;
import org.flowcrm.crm.lead.LeadSource;

/**
 * The rule form. "Any" in a select is the empty value (a condition left out matches everything);
 * VIP is a three-way choice (any, VIP only, non-VIP only), so it is a string here.
 */
public class AssignmentRuleForm {

  @NotBlank
  @Size(max = 200)
  private String name;

  @Min(0)
  private Integer position;

  private boolean active = true;
  private AssignedRecord entityType;

  @DecimalMin("0")
  @Digits(integer = 15, fraction = 2)
  private BigDecimal minAmount;

  @DecimalMin("0")
  @Digits(integer = 15, fraction = 2)
  private BigDecimal maxAmount;

  private Long productSectionId;
  private ClientType clientType;
  private String vip = "";
  private LeadSource source;

  @NotNull private RuleTarget target = RuleTarget.USER;
  private Long targetUserId;
  private Long targetDepartmentId;
  private Long version;

  static AssignmentRuleForm of(AssignmentRuleView rule) {
    AssignmentRuleForm form = new AssignmentRuleForm();
    form.name = rule.name();
    form.position = rule.position();
    form.active = rule.active();
    form.entityType = rule.entityType();
    form.minAmount = rule.minAmount();
    form.maxAmount = rule.maxAmount();
    form.productSectionId = rule.productSectionId();
    form.clientType = rule.clientType();
    form.vip = rule.vip() == null ? "" : rule.vip().toString();
    form.source = rule.source();
    form.target = rule.target();
    form.targetUserId = rule.targetUserId();
    form.targetDepartmentId = rule.targetDepartmentId();
    form.version = rule.version();
    return form;
  }

  AssignmentRuleCommand toCommand() {
    return new AssignmentRuleCommand(
        name,
        position,
        active,
        entityType,
        minAmount,
        maxAmount,
        productSectionId,
        clientType,
        vip == null || vip.isBlank() ? null : Boolean.valueOf(vip),
        source,
        target,
        target == RuleTarget.USER ? targetUserId : null,
        target == RuleTarget.DEPARTMENT ? targetDepartmentId : null);
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public Integer getPosition() {
    return position;
  }

  public void setPosition(Integer position) {
    this.position = position;
  }

  public boolean isActive() {
    return active;
  }

  public void setActive(boolean active) {
    this.active = active;
  }

  public AssignedRecord getEntityType() {
    return entityType;
  }

  public void setEntityType(AssignedRecord entityType) {
    this.entityType = entityType;
  }

  public BigDecimal getMinAmount() {
    return minAmount;
  }

  public void setMinAmount(BigDecimal minAmount) {
    this.minAmount = minAmount;
  }

  public BigDecimal getMaxAmount() {
    return maxAmount;
  }

  public void setMaxAmount(BigDecimal maxAmount) {
    this.maxAmount = maxAmount;
  }

  public Long getProductSectionId() {
    return productSectionId;
  }

  public void setProductSectionId(Long productSectionId) {
    this.productSectionId = productSectionId;
  }

  public ClientType getClientType() {
    return clientType;
  }

  public void setClientType(ClientType clientType) {
    this.clientType = clientType;
  }

  public String getVip() {
    return vip;
  }

  public void setVip(String vip) {
    this.vip = vip;
  }

  public LeadSource getSource() {
    return source;
  }

  public void setSource(LeadSource source) {
    this.source = source;
  }

  public RuleTarget getTarget() {
    return target;
  }

  public void setTarget(RuleTarget target) {
    this.target = target;
  }

  public Long getTargetUserId() {
    return targetUserId;
  }

  public void setTargetUserId(Long targetUserId) {
    this.targetUserId = targetUserId;
  }

  public Long getTargetDepartmentId() {
    return targetDepartmentId;
  }

  public void setTargetDepartmentId(Long targetDepartmentId) {
    this.targetDepartmentId = targetDepartmentId;
  }

  public Long getVersion() {
    return version;
  }

  public void setVersion(Long version) {
    this.version = version;
  }
}
