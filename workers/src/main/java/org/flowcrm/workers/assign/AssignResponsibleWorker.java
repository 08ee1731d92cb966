package org.flowcrm.workers.assign;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.flowcrm.crm.assignment.AssignedRecord;
import org.flowcrm.crm.assignment.AssignmentDecision;
import org.flowcrm.crm.assignment.AssignmentRuleService;
import org.flowcrm.crm.deal.DealCommand;
import org.flowcrm.crm.deal.DealService;
import org.flowcrm.crm.deal.DealView;
import org.flowcrm.crm.lead.LeadCommand;
import org.flowcrm.crm.lead.LeadService;
import org.flowcrm.crm.lead.LeadView;
import org.flowcrm.crm.permission.SystemUser;
import org.flowcrm.crm.shared.ProductRow;
import org.flowcrm.crm.shared.ProductRowView;
import org.flowcrm.crm.user.DepartmentService;
import org.flowcrm.crm.user.DepartmentView;
import org.flowcrm.crm.user.Presence;
import org.flowcrm.crm.user.UserService;
import org.flowcrm.crm.user.UserView;
import org.flowcrm.processes.JobTypes;
import org.flowcrm.workers.lifecycle.ProcessPositions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link JobTypes#ASSIGN_RESPONSIBLE}: picks the responsible of a lead or deal by the CRM's
 * assignment rules ({@link AssignmentRuleService#decide}: the first matching rule names a user, a
 * department whose present members take turns, or nobody), and without a matching rule round robin
 * among the active users ({@code UserService.list(true)}, ordered by id). A record from a web form
 * that names one rule carries it in the variable {@code assignmentRuleId}: that rule's target
 * decides ({@link AssignmentRuleService#decisionOf}), whatever its conditions; a form's fixed user
 * is already the record's responsible, which the worker keeps.
 *
 * <ul>
 *   <li>A rule's user who is deactivated or away, or a department with no active member, falls back
 *       to the round robin: the lead must not wait for someone who is not there.
 *   <li>"Leave unassigned" returns {@code responsibleUser = null}: the notification is skipped and
 *       the user task has no assignee, so anyone with the right may claim it.
 *   <li>A record that already has an active responsible keeps it. This makes the worker idempotent
 *       (a redelivered job finds the user it assigned the first time) and keeps a deal's manager.
 *   <li>With {@code escalate = true} the record goes to the head of department, the user whose
 *       login is {@code flowcrm.workers.head-of-department}; without that setting, to the next user
 *       of the round robin other than the current responsible.
 *   <li>The CRM has no "assign one record" call, so the worker writes the record back through
 *       {@code update} with the version it read (a concurrent edit fails the job, which retries).
 * </ul>
 *
 * Returns {@code responsibleUser} (the login) and, for a lead, {@code qualifyDueDate}: now + 1 hour
 * as an ISO-8601 date-time in UTC (working hours are not modelled in the CRM yet).
 */
@Component
public class AssignResponsibleWorker {

  /**
   * The job's input variables; {@code assignmentRuleId} is set (at the process start) for a record
   * from a web form that names an assignment rule.
   */
  public record Input(String entityType, Long entityId, Boolean escalate, Long assignmentRuleId) {

    /** Without a form's rule. */
    public Input(String entityType, Long entityId, Boolean escalate) {
      this(entityType, entityId, escalate, null);
    }
  }

  private final LeadService leads;
  private final DealService deals;
  private final UserService users;
  private final String headOfDepartment;
  private final Clock clock;
  private final ProcessPositions positions;
  private final AssignmentRuleService rules;
  private final DepartmentService departments;
  private TransactionOperations transaction = TransactionOperations.withoutTransaction();
  private final AtomicLong next = new AtomicLong();
  // one turn counter per department, so rules on two departments do not skip each other's members
  private final Map<Long, AtomicLong> nextInDepartment = new ConcurrentHashMap<>();

  @Autowired
  public AssignResponsibleWorker(
      LeadService leads,
      DealService deals,
      UserService users,
      ProcessPositions positions,
      AssignmentRuleService rules,
      DepartmentService departments,
      @Value("${flowcrm.workers.head-of-department:}") String headOfDepartment,
      PlatformTransactionManager transactions) {
    this(leads, deals, users, positions, rules, departments, headOfDepartment, Clock.systemUTC());
    this.transaction = new TransactionTemplate(transactions);
  }

  AssignResponsibleWorker(
      LeadService leads,
      DealService deals,
      UserService users,
      ProcessPositions positions,
      AssignmentRuleService rules,
      DepartmentService departments,
      String headOfDepartment,
      Clock clock) {
    this.rules = rules;
    this.departments = departments;
    this.positions = positions;
    this.leads = leads;
    this.deals = deals;
    this.users = users;
    this.headOfDepartment = headOfDepartment;
    this.clock = clock;
  }

  /**
   * Records where the process is on the lead or deal, then assigns it, in one transaction: one
   * commit per job instead of one per service call (the position, the reads, the update), and the
   * position never says "assigning" for an assignment that rolled back. The job is completed only
   * after it commits.
   */
  @JobWorker(type = JobTypes.ASSIGN_RESPONSIBLE)
  public Map<String, Object> assign(@VariablesAsType Input in, ActivatedJob job) {
    return transaction.execute(
        status -> {
          positions.at(job, in.entityType(), in.entityId());
          return assign(in);
        });
  }

  public Map<String, Object> assign(Input in) {
    boolean escalate = Boolean.TRUE.equals(in.escalate());
    // People only (never the system user the processes act as); new assignments go to those at
    // work, unless everybody is away.
    List<UserView> people =
        users.list(true).stream()
            .filter(u -> !SystemUser.LOGIN.equals(u.login()))
            .sorted(Comparator.comparingLong(UserView::id))
            .toList();
    List<UserView> present = people.stream().filter(u -> u.presence() != Presence.AWAY).toList();
    List<UserView> active = present.isEmpty() ? people : present;
    if (active.isEmpty()) {
      // transient: fails the job with retries until a user is active
      throw new IllegalStateException("crm.assign-responsible: there is no active user");
    }
    Map<String, Object> out = new HashMap<>();
    switch (in.entityType()) {
      case JobTypes.Values.LEAD -> {
        LeadView lead = leads.get(in.entityId());
        UserView user =
            choose(
                people,
                active,
                lead.responsibleId(),
                escalate,
                AssignedRecord.LEAD,
                lead.id(),
                in.assignmentRuleId());
        if (user != null && !Objects.equals(user.id(), lead.responsibleId())) {
          leads.update(lead.id(), withResponsible(lead, user.id()), lead.version());
        }
        out.put(JobTypes.Variables.RESPONSIBLE_USER, user == null ? null : user.login());
        out.put(
            JobTypes.Variables.QUALIFY_DUE_DATE,
            OffsetDateTime.now(clock)
                .withOffsetSameInstant(ZoneOffset.UTC)
                .plusHours(1)
                .truncatedTo(ChronoUnit.SECONDS)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
      }
      case JobTypes.Values.DEAL -> {
        DealView deal = deals.get(in.entityId());
        UserView user =
            choose(
                people,
                active,
                deal.responsibleId(),
                escalate,
                AssignedRecord.DEAL,
                deal.id(),
                in.assignmentRuleId());
        if (user != null && !Objects.equals(user.id(), deal.responsibleId())) {
          deals.update(deal.id(), withResponsible(deal, user.id()), deal.version());
        }
        out.put(JobTypes.Variables.RESPONSIBLE_USER, user == null ? null : user.login());
      }
      default ->
          throw new IllegalArgumentException(
              "crm.assign-responsible: unknown entityType " + in.entityType());
    }
    return out;
  }

  /** The user to make responsible; {@code null} when a rule leaves the record unassigned. */
  private UserView choose(
      List<UserView> people,
      List<UserView> active,
      Long current,
      boolean escalate,
      AssignedRecord type,
      long id,
      Long formRuleId) {
    UserView currentUser =
        current == null
            ? null
            : people.stream().filter(u -> u.id() == current).findFirst().orElse(null);
    if (!escalate) {
      if (currentUser != null) {
        return currentUser;
      }
      // the web form's own rule, when it names one (and it still exists and is active); else the
      // first matching rule of the ordered list
      Optional<AssignmentDecision> decision =
          formRuleId != null ? rules.decisionOf(formRuleId) : Optional.empty();
      if (decision.isEmpty()) {
        decision = rules.decide(type, id);
      }
      if (decision.isPresent()) {
        AssignmentDecision d = decision.get();
        switch (d.target()) {
          case UNASSIGNED -> {
            return null;
          }
          case USER -> {
            Optional<UserView> named =
                people.stream()
                    .filter(u -> Objects.equals(u.id(), d.userId()))
                    .filter(u -> u.presence() != Presence.AWAY)
                    .findFirst();
            if (named.isPresent()) {
              return named.get();
            }
          }
          case DEPARTMENT -> {
            UserView member = inDepartment(people, d.departmentId());
            if (member != null) {
              return member;
            }
          }
        }
      }
      return roundRobin(active, null);
    }
    if (headOfDepartment != null && !headOfDepartment.isBlank()) {
      return people.stream()
          .filter(u -> u.login().equals(headOfDepartment))
          .findFirst()
          .orElseThrow(
              () ->
                  new IllegalStateException(
                      "crm.assign-responsible: head of department '"
                          + headOfDepartment
                          + "' is not an active user"));
    }
    return roundRobin(active, current);
  }

  /**
   * Round robin among the members of the department and its sub-departments who are at work (all
   * its active members when everybody is away); {@code null} when it has no active member.
   */
  private UserView inDepartment(List<UserView> people, Long departmentId) {
    if (departmentId == null) {
      return null;
    }
    Set<Long> tree = new HashSet<>(Set.of(departmentId));
    List<DepartmentView> all = departments.list();
    for (boolean grew = true; grew; ) {
      grew = false;
      for (DepartmentView d : all) {
        if (d.parentId() != null && tree.contains(d.parentId()) && tree.add(d.id())) {
          grew = true;
        }
      }
    }
    List<UserView> members =
        people.stream()
            .filter(u -> u.departmentId() != null && tree.contains(u.departmentId()))
            .toList();
    List<UserView> present = members.stream().filter(u -> u.presence() != Presence.AWAY).toList();
    List<UserView> candidates = present.isEmpty() ? members : present;
    if (candidates.isEmpty()) {
      return null;
    }
    AtomicLong turn = nextInDepartment.computeIfAbsent(departmentId, k -> new AtomicLong());
    return candidates.get((int) Math.floorMod(turn.getAndIncrement(), (long) candidates.size()));
  }

  private UserView roundRobin(List<UserView> active, Long except) {
    List<UserView> candidates =
        active.size() > 1 && except != null
            ? active.stream().filter(u -> u.id() != except).toList()
            : active;
    return candidates.get((int) Math.floorMod(next.getAndIncrement(), (long) candidates.size()));
  }

  private static LeadCommand withResponsible(LeadView l, long responsibleId) {
    return new LeadCommand(
        l.title(),
        l.firstName(),
        l.lastName(),
        l.companyName(),
        l.position(),
        l.address(),
        l.source(),
        null, // keep the status
        responsibleId,
        l.phones(),
        l.emails(),
        rows(l.productInterests()));
  }

  private static DealCommand withResponsible(DealView d, long responsibleId) {
    return new DealCommand(
        d.title(),
        d.pipelineId(),
        d.stageId(),
        d.amount(),
        d.currency(),
        d.probability(),
        d.expectedCloseDate(),
        d.type(),
        responsibleId,
        d.visibleToAll(),
        d.companyId(),
        d.contactIds(),
        rows(d.rows()));
  }

  private static List<ProductRow> rows(List<ProductRowView> rows) {
    return rows.stream()
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
}
