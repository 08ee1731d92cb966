package org.flowcrm.crm.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.flowcrm.crm.lead.LeadSource;
import org.junit.jupiter.api.Test;

/** What makes a rule match, and that the first matching rule of the list wins. */
class AssignmentRuleMatchingTests {

  private static final AssignmentSubject BIG_VIP_DEAL =
      new AssignmentSubject(
          AssignedRecord.DEAL,
          new BigDecimal("25000.00"),
          Set.of(10L, 1L), // "Laptops" (10) under "Hardware" (1)
          ClientType.COMPANY,
          true,
          LeadSource.WEB_FORM);

  private static final AssignmentSubject SMALL_PHONE_LEAD =
      new AssignmentSubject(
          AssignedRecord.LEAD,
          new BigDecimal("80"),
          Set.of(),
          ClientType.PERSON,
          false,
          LeadSource.PHONE);

  private static long ids = 1;

  private static AssignmentRuleView rule(
      boolean active,
      AssignedRecord type,
      String min,
      String max,
      Long section,
      ClientType client,
      Boolean vip,
      LeadSource source,
      RuleTarget target,
      Long user,
      Long department) {
    long id = ids++;
    return new AssignmentRuleView(
        id,
        0,
        (int) id,
        "rule " + id,
        active,
        type,
        min == null ? null : new BigDecimal(min),
        max == null ? null : new BigDecimal(max),
        section,
        client,
        vip,
        source,
        target,
        user,
        department,
        null,
        null);
  }

  private static AssignmentRuleView toUser(long user) {
    return rule(true, null, null, null, null, null, null, null, RuleTarget.USER, user, null);
  }

  @Test
  void aRuleWithoutConditionsMatchesEverything() {
    assertThat(toUser(7).matches(BIG_VIP_DEAL)).isTrue();
    assertThat(toUser(7).matches(SMALL_PHONE_LEAD)).isTrue();
  }

  @Test
  void anInactiveRuleNeverMatches() {
    AssignmentRuleView off =
        rule(false, null, null, null, null, null, null, null, RuleTarget.USER, 7L, null);
    assertThat(off.matches(BIG_VIP_DEAL)).isFalse();
  }

  @Test
  void amountBoundsAreInclusive() {
    AssignmentRuleView from25k =
        rule(true, null, "25000", null, null, null, null, null, RuleTarget.USER, 7L, null);
    AssignmentRuleView upTo25k =
        rule(true, null, null, "25000", null, null, null, null, RuleTarget.USER, 7L, null);
    AssignmentRuleView over25k =
        rule(true, null, "25000.01", null, null, null, null, null, RuleTarget.USER, 7L, null);
    assertThat(from25k.matches(BIG_VIP_DEAL)).isTrue();
    assertThat(upTo25k.matches(BIG_VIP_DEAL)).isTrue();
    assertThat(over25k.matches(BIG_VIP_DEAL)).isFalse();
    assertThat(from25k.matches(SMALL_PHONE_LEAD)).isFalse();
  }

  @Test
  void aSectionMatchesProductsFiledBelowIt() {
    AssignmentRuleView hardware =
        rule(true, null, null, null, 1L, null, null, null, RuleTarget.USER, 7L, null);
    AssignmentRuleView software =
        rule(true, null, null, null, 2L, null, null, null, RuleTarget.USER, 7L, null);
    assertThat(hardware.matches(BIG_VIP_DEAL)).isTrue();
    assertThat(software.matches(BIG_VIP_DEAL)).isFalse();
    assertThat(hardware.matches(SMALL_PHONE_LEAD)).isFalse(); // no products at all
  }

  @Test
  void entityTypeClientTypeVipAndSourceEachNarrowTheRule() {
    assertThat(
            rule(
                    true,
                    AssignedRecord.LEAD,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    RuleTarget.UNASSIGNED,
                    null,
                    null)
                .matches(BIG_VIP_DEAL))
        .isFalse();
    assertThat(
            rule(
                    true,
                    null,
                    null,
                    null,
                    null,
                    ClientType.PERSON,
                    null,
                    null,
                    RuleTarget.UNASSIGNED,
                    null,
                    null)
                .matches(SMALL_PHONE_LEAD))
        .isTrue();
    assertThat(
            rule(
                    true,
                    null,
                    null,
                    null,
                    null,
                    ClientType.PERSON,
                    null,
                    null,
                    RuleTarget.UNASSIGNED,
                    null,
                    null)
                .matches(BIG_VIP_DEAL))
        .isFalse();
    AssignmentRuleView vipOnly =
        rule(true, null, null, null, null, null, true, null, RuleTarget.USER, 7L, null);
    AssignmentRuleView nonVipOnly =
        rule(true, null, null, null, null, null, false, null, RuleTarget.USER, 7L, null);
    assertThat(vipOnly.matches(BIG_VIP_DEAL)).isTrue();
    assertThat(vipOnly.matches(SMALL_PHONE_LEAD)).isFalse();
    assertThat(nonVipOnly.matches(SMALL_PHONE_LEAD)).isTrue();
    AssignmentRuleView phone =
        rule(true, null, null, null, null, null, null, LeadSource.PHONE, RuleTarget.USER, 7L, null);
    assertThat(phone.matches(SMALL_PHONE_LEAD)).isTrue();
    assertThat(phone.matches(BIG_VIP_DEAL)).isFalse();
  }

  @Test
  void theFirstMatchingRuleOfTheListWins() {
    AssignmentRuleView vipToSenior =
        rule(true, null, null, null, null, null, true, null, RuleTarget.USER, 1L, null);
    AssignmentRuleView bigToKeyAccounts =
        rule(true, null, "10000", null, null, null, null, null, RuleTarget.DEPARTMENT, null, 5L);
    AssignmentRuleView phoneLeadsWait =
        rule(
            true,
            AssignedRecord.LEAD,
            null,
            null,
            null,
            null,
            null,
            LeadSource.PHONE,
            RuleTarget.UNASSIGNED,
            null,
            null);

    assertThat(
            AssignmentRuleService.firstMatch(
                List.of(bigToKeyAccounts, vipToSenior, phoneLeadsWait), BIG_VIP_DEAL))
        .get()
        .satisfies(
            d -> {
              assertThat(d.target()).isEqualTo(RuleTarget.DEPARTMENT);
              assertThat(d.departmentId()).isEqualTo(5L);
            });
    assertThat(
            AssignmentRuleService.firstMatch(
                List.of(vipToSenior, bigToKeyAccounts, phoneLeadsWait), BIG_VIP_DEAL))
        .get()
        .satisfies(d -> assertThat(d.userId()).isEqualTo(1L));
    assertThat(
            AssignmentRuleService.firstMatch(
                List.of(vipToSenior, bigToKeyAccounts, phoneLeadsWait), SMALL_PHONE_LEAD))
        .get()
        .satisfies(d -> assertThat(d.target()).isEqualTo(RuleTarget.UNASSIGNED));
    assertThat(
            AssignmentRuleService.firstMatch(
                List.of(vipToSenior, bigToKeyAccounts), SMALL_PHONE_LEAD))
        .isEmpty();
  }
}
