package org.flowcrm.crm.assignment;

import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.flowcrm.crm.company.CompanyService;
import org.flowcrm.crm.company.CompanyView;
import org.flowcrm.crm.contact.ContactService;
import org.flowcrm.crm.contact.ContactView;
import org.flowcrm.crm.deal.DealService;
import org.flowcrm.crm.deal.DealView;
import org.flowcrm.crm.lead.LeadService;
import org.flowcrm.crm.lead.LeadSource;
import org.flowcrm.crm.lead.LeadView;
import org.flowcrm.crm.permission.AccessPolicy;
import org.flowcrm.crm.product.ProductService;
import org.flowcrm.crm.product.ProductView;
import org.flowcrm.crm.product.SectionView;
import org.flowcrm.crm.shared.BadParameterException;
import org.flowcrm.crm.shared.Email;
import org.flowcrm.crm.shared.InvalidFieldException;
import org.flowcrm.crm.shared.NotFoundException;
import org.flowcrm.crm.shared.Phone;
import org.flowcrm.crm.shared.ProductRowView;
import org.flowcrm.crm.shared.Versions;
import org.flowcrm.crm.user.DepartmentService;
import org.flowcrm.crm.user.DepartmentView;
import org.flowcrm.crm.user.UserService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * The ordered assignment rules: administrators keep them, the {@code crm.assign-responsible} worker
 * asks {@link #decide} which one applies to a lead or deal.
 */
@Service
@Validated
@Transactional(readOnly = true)
public class AssignmentRuleService {

  private final AssignmentRules rules;
  private final AccessPolicy policy;
  private final UserService users;
  private final DepartmentService departments;
  private final ProductService products;
  private final LeadService leads;
  private final DealService deals;
  private final CompanyService companies;
  private final ContactService contacts;

  AssignmentRuleService(
      AssignmentRules rules,
      AccessPolicy policy,
      UserService users,
      DepartmentService departments,
      ProductService products,
      LeadService leads,
      DealService deals,
      CompanyService companies,
      ContactService contacts) {
    this.rules = rules;
    this.policy = policy;
    this.users = users;
    this.departments = departments;
    this.products = products;
    this.leads = leads;
    this.deals = deals;
    this.companies = companies;
    this.contacts = contacts;
  }

  /** The rules in the order they are tried. */
  public List<AssignmentRuleView> list() {
    policy.requireAdministrator("ASSIGNMENT_RULES");
    return ordered();
  }

  public AssignmentRuleView get(long id) {
    policy.requireAdministrator("ASSIGNMENT_RULES");
    return AssignmentRuleView.of(require(id));
  }

  @Transactional
  public AssignmentRuleView create(@Valid AssignmentRuleCommand command) {
    policy.requireAdministrator("ASSIGNMENT_RULES");
    check(command);
    int position = command.position() != null ? command.position() : rules.maxPosition() + 1;
    return AssignmentRuleView.of(rules.saveAndFlush(new AssignmentRule(command, position)));
  }

  @Transactional
  public AssignmentRuleView update(
      long id, @Valid AssignmentRuleCommand command, Long expectedVersion) {
    policy.requireAdministrator("ASSIGNMENT_RULES");
    AssignmentRule rule = require(id);
    Versions.check("Assignment rule", id, rule.getVersion(), expectedVersion);
    check(command);
    rule.update(command, command.position() != null ? command.position() : rule.getPosition());
    return AssignmentRuleView.of(rules.saveAndFlush(rule));
  }

  @Transactional
  public void delete(long id, Long expectedVersion) {
    policy.requireAdministrator("ASSIGNMENT_RULES");
    AssignmentRule rule = require(id);
    Versions.check("Assignment rule", id, rule.getVersion(), expectedVersion);
    rules.delete(rule);
    rules.flush();
  }

  /**
   * The decision of the first active rule matching the lead or deal, or empty when none does (the
   * caller then uses round robin). Any signed-in caller may ask: the worker does, as the system
   * user.
   */
  public Optional<AssignmentDecision> decide(AssignedRecord type, long id) {
    policy.callerId();
    List<AssignmentRuleView> all = ordered();
    if (all.stream().noneMatch(AssignmentRuleView::active)) {
      return Optional.empty(); // no rules: no need to read the record's products and clients
    }
    AssignmentSubject subject = subject(type, id);
    return firstMatch(all, subject);
  }

  /**
   * The decision of rule {@code id} by its target alone, for a record whose web form names that
   * rule (its conditions are for the ordered list); empty when the rule is gone or inactive, and
   * the caller goes on as without it. Any signed-in caller may ask.
   */
  public Optional<AssignmentDecision> decisionOf(long id) {
    policy.callerId();
    return rules
        .findById(id)
        .map(AssignmentRuleView::of)
        .filter(AssignmentRuleView::active)
        .map(AssignmentRuleView::decision);
  }

  /** Whether rule {@code id} exists (a web form names one). */
  public boolean exists(long id) {
    return rules.existsById(id);
  }

  /** The first rule of {@code ordered} that matches; the list's order is the rules' priority. */
  public static Optional<AssignmentDecision> firstMatch(
      List<AssignmentRuleView> ordered, AssignmentSubject subject) {
    return ordered.stream()
        .filter(r -> r.matches(subject))
        .findFirst()
        .map(AssignmentRuleView::decision);
  }

  /** What the rules look at on the lead or deal. */
  public AssignmentSubject subject(AssignedRecord type, long id) {
    Map<Long, Long> parents = sectionParents();
    if (type == AssignedRecord.LEAD) {
      LeadView lead = leads.get(id);
      BigDecimal amount =
          lead.productInterests().stream()
              .map(ProductRowView::total)
              .filter(Objects::nonNull)
              .reduce(BigDecimal.ZERO, BigDecimal::add);
      List<String> emails = lead.emails().stream().map(Email::value).toList();
      List<String> phones = lead.phones().stream().map(Phone::value).toList();
      boolean vip =
          (!emails.isEmpty() || !phones.isEmpty())
              && (contacts.findDuplicates(emails, phones).stream().anyMatch(ContactView::vip)
                  || companies.findDuplicates(emails, phones).stream().anyMatch(CompanyView::vip));
      return new AssignmentSubject(
          type,
          amount,
          sections(lead.productInterests(), parents),
          lead.companyName() == null || lead.companyName().isBlank()
              ? ClientType.PERSON
              : ClientType.COMPANY,
          vip,
          lead.source());
    }
    DealView deal = deals.get(id);
    boolean vip =
        (deal.companyId() != null && companies.get(deal.companyId()).vip())
            || deal.contactIds().stream().anyMatch(c -> contacts.get(c).vip());
    LeadSource source =
        deal.sourceLeadId() == null ? null : leads.get(deal.sourceLeadId()).source();
    return new AssignmentSubject(
        type,
        deal.amountInBaseCurrency() != null ? deal.amountInBaseCurrency() : deal.amount(),
        sections(deal.rows(), parents),
        deal.companyId() != null ? ClientType.COMPANY : ClientType.PERSON,
        vip,
        source);
  }

  private Set<Long> sections(List<ProductRowView> rows, Map<Long, Long> parents) {
    Set<Long> ids = new HashSet<>();
    for (ProductRowView row : rows) {
      if (row.productId() == null) {
        continue;
      }
      Long section = products.find(row.productId()).map(ProductView::sectionId).orElse(null);
      // the section and every section above it; the set guards against a cycle
      while (section != null && ids.add(section)) {
        section = parents.get(section);
      }
    }
    return ids;
  }

  /** Section id → parent section id, for every catalog section. */
  private Map<Long, Long> sectionParents() {
    Map<Long, Long> parents = new HashMap<>();
    List<SectionView> todo = new ArrayList<>(products.sectionTree());
    while (!todo.isEmpty()) {
      SectionView s = todo.remove(todo.size() - 1);
      parents.put(s.id(), s.parentId());
      todo.addAll(s.children());
    }
    return parents;
  }

  private List<AssignmentRuleView> ordered() {
    return rules.findAllByOrderByPositionAscIdAsc().stream().map(AssignmentRuleView::of).toList();
  }

  /** The checks bean validation cannot make: fields that depend on each other, references. */
  private void check(AssignmentRuleCommand c) {
    if (c.minAmount() != null
        && c.maxAmount() != null
        && c.minAmount().compareTo(c.maxAmount()) > 0) {
      throw new BadParameterException(
          "maxAmount", "must be at least minAmount (" + c.minAmount().toPlainString() + ")");
    }
    switch (c.target()) {
      case USER -> {
        if (c.targetUserId() == null) {
          throw new BadParameterException("targetUserId", "must be set when target is USER");
        }
        users.requireActive(c.targetUserId(), "targetUserId");
      }
      case DEPARTMENT -> {
        if (c.targetDepartmentId() == null) {
          throw new BadParameterException(
              "targetDepartmentId", "must be set when target is DEPARTMENT");
        }
        long department = c.targetDepartmentId();
        if (departments.list().stream().map(DepartmentView::id).noneMatch(d -> d == department)) {
          throw new InvalidFieldException(
              "targetDepartmentId", "department " + department + " does not exist");
        }
      }
      case UNASSIGNED -> {}
    }
    if (c.productSectionId() != null && !sectionParents().containsKey(c.productSectionId())) {
      throw new InvalidFieldException(
          "productSectionId", "catalog section " + c.productSectionId() + " does not exist");
    }
  }

  private AssignmentRule require(long id) {
    return rules.findById(id).orElseThrow(() -> new NotFoundException("Assignment rule", id));
  }
}
