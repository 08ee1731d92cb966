package org.flowcrm.crm.assignment;

/**
 * The first matching rule's decision: {@code userId} for {@link RuleTarget#USER}, {@code
 * departmentId} for {@link RuleTarget#DEPARTMENT}, neither for {@link RuleTarget#UNASSIGNED}.
 */
public record AssignmentDecision(
    long ruleId, String ruleName, RuleTarget target, Long userId, Long departmentId) {}
