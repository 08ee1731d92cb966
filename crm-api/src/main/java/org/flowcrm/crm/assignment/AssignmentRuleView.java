package org.flowcrm.crm.assignment;

import java.math.BigDecimal;
import java.time.Instant;
import org.flowcrm.crm.lead.LeadSource;

/** An assignment rule as the API shows it; {@link #matches} is the rule's whole logic. */
public record AssignmentRuleView(
    long id,
    long version,
    int position,
    String name,
    boolean active,
    AssignedRecord entityType,
    BigDecimal minAmount,
    BigDecimal maxAmount,
    Long productSectionId,
    ClientType clientType,
    Boolean vip,
    LeadSource source,
    RuleTarget target,
    Long targetUserId,
    Long targetDepartmentId,
    Instant createdAt,
    Instant updatedAt) {

  /** Whether the rule is active and every condition it sets holds for the subject. */
  public boolean matches(AssignmentSubject s) {
    return active
        && (entityType == null || entityType == s.type())
        && (minAmount == null || s.amount().compareTo(minAmount) >= 0)
        && (maxAmount == null || s.amount().compareTo(maxAmount) <= 0)
        && (productSectionId == null || s.sectionIds().contains(productSectionId))
        && (clientType == null || clientType == s.clientType())
        && (vip == null || vip == s.vip())
        && (source == null || source == s.source());
  }

  AssignmentDecision decision() {
    return new AssignmentDecision(id, name, target, targetUserId, targetDepartmentId);
  }

  static AssignmentRuleView of(AssignmentRule r) {
    return new AssignmentRuleView(
        r.getId(),
        r.getVersion(),
        r.getPosition(),
        r.getName(),
        r.isActive(),
        r.getEntityType(),
        r.getMinAmount(),
        r.getMaxAmount(),
        r.getProductSectionId(),
        r.getClientType(),
        r.getVip(),
        r.getSource(),
        r.getTarget(),
        r.getTargetUserId(),
        r.getTargetDepartmentId(),
        r.getCreatedAt(),
        r.getUpdatedAt());
  }
}
