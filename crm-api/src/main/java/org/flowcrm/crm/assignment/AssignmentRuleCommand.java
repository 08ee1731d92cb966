package org.flowcrm.crm.assignment;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.flowcrm.crm.lead.LeadSource;

/**
 * Creates or changes an assignment rule. Every condition left {@code null} matches anything; all
 * set conditions must hold for the rule to match.
 *
 * @param position where the rule stands in the list (lower first); {@code null} puts a new rule
 *     last and keeps an existing rule's place
 * @param active {@code null} means active
 * @param entityType the rule applies to leads or deals only; {@code null}: both
 * @param minAmount amount at least this (inclusive)
 * @param maxAmount amount at most this (inclusive)
 * @param productSectionId a row's product is in this catalog section or one below it
 * @param vip {@code true}: VIP clients only; {@code false}: non-VIP only
 * @param source leads from this source (deals: whose source lead came from it)
 * @param target what to do on a match; {@link RuleTarget#USER} needs {@code targetUserId}, {@link
 *     RuleTarget#DEPARTMENT} needs {@code targetDepartmentId}
 */
public record AssignmentRuleCommand(
    @NotBlank @Size(max = 200) String name,
    @Min(0) Integer position,
    Boolean active,
    AssignedRecord entityType,
    @DecimalMin("0") @Digits(integer = 15, fraction = 2) BigDecimal minAmount,
    @DecimalMin("0") @Digits(integer = 15, fraction = 2) BigDecimal maxAmount,
    Long productSectionId,
    ClientType clientType,
    Boolean vip,
    LeadSource source,
    @NotNull RuleTarget target,
    Long targetUserId,
    Long targetDepartmentId) {}
