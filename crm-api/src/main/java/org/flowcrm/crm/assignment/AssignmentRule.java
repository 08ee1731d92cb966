package org.flowcrm.crm.assignment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import org.flowcrm.crm.lead.LeadSource;
import org.flowcrm.crm.shared.AggregateRoot;

/** One entry of the ordered list of assignment rules. */
@Entity
@Table(name = "crm_assignment_rule")
class AssignmentRule extends AggregateRoot<AssignmentRule> {

  @Column(name = "position", nullable = false)
  private int position;

  @Column(name = "name", nullable = false, length = 200)
  private String name;

  @Column(name = "active", nullable = false)
  private boolean active;

  @Enumerated(EnumType.STRING)
  @Column(name = "entity_type", length = 10)
  private AssignedRecord entityType;

  @Column(name = "min_amount", precision = 17, scale = 2)
  private BigDecimal minAmount;

  @Column(name = "max_amount", precision = 17, scale = 2)
  private BigDecimal maxAmount;

  @Column(name = "product_section_id")
  private Long productSectionId;

  @Enumerated(EnumType.STRING)
  @Column(name = "client_type", length = 10)
  private ClientType clientType;

  @Column(name = "vip")
  private Boolean vip;

  @Enumerated(EnumType.STRING)
  @Column(name = "source", length = 20)
  private LeadSource source;

  @Enumerated(EnumType.STRING)
  @Column(name = "target", nullable = false, length = 12)
  private RuleTarget target;

  @Column(name = "target_user_id")
  private Long targetUserId;

  @Column(name = "target_department_id")
  private Long targetDepartmentId;

  protected AssignmentRule() {}

  AssignmentRule(AssignmentRuleCommand c, int position) {
    update(c, position);
  }

  void update(AssignmentRuleCommand c, int position) {
    this.position = position;
    this.name = c.name().strip();
    this.active = !Boolean.FALSE.equals(c.active());
    this.entityType = c.entityType();
    this.minAmount = c.minAmount();
    this.maxAmount = c.maxAmount();
    this.productSectionId = c.productSectionId();
    this.clientType = c.clientType();
    this.vip = c.vip();
    this.source = c.source();
    this.target = c.target();
    // a target keeps only the reference it uses, so a later change of target leaves no stale one
    this.targetUserId = c.target() == RuleTarget.USER ? c.targetUserId() : null;
    this.targetDepartmentId = c.target() == RuleTarget.DEPARTMENT ? c.targetDepartmentId() : null;
    touch();
  }

  int getPosition() {
    return position;
  }

  String getName() {
    return name;
  }

  boolean isActive() {
    return active;
  }

  AssignedRecord getEntityType() {
    return entityType;
  }

  BigDecimal getMinAmount() {
    return minAmount;
  }

  BigDecimal getMaxAmount() {
    return maxAmount;
  }

  Long getProductSectionId() {
    return productSectionId;
  }

  ClientType getClientType() {
    return clientType;
  }

  Boolean getVip() {
    return vip;
  }

  LeadSource getSource() {
    return source;
  }

  RuleTarget getTarget() {
    return target;
  }

  Long getTargetUserId() {
    return targetUserId;
  }

  Long getTargetDepartmentId() {
    return targetDepartmentId;
  }
}
