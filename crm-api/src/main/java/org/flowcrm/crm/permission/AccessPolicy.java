package org.flowcrm.crm.permission;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.flowcrm.crm.security.CrmUserPrincipal;
import org.flowcrm.crm.shared.ForbiddenException;
import org.flowcrm.crm.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The one place that decides whether the caller may do something to records of a kind. Services
 * call it before every read and change ({@code require*}) and apply its {@link ScopeFilter} to
 * every list, search, count and export query, so no entry point (REST, pages, workers, exports) can
 * see more than the role allows.
 *
 * <p>The caller is the signed-in {@link CrmUserPrincipal} of the current thread; background work
 * runs as the system user through {@link SystemUser#runAs}. Without either, everything is refused:
 * forgetting to wrap a job fails loudly instead of running with unlimited rights.
 *
 * <p>Roles and permissions are read from the database, so a change of the matrix applies to the
 * next request. Within one HTTP request the caller's scopes, departments and hidden pipelines are
 * read once and remembered for that request only (a request asks the same questions for every
 * record it touches); outside a request (workers, schedulers) every call reads them.
 */
@Component
public class AccessPolicy {

  static final String ADMINISTRATOR = "ADMINISTRATOR";

  private final JdbcClient jdbc;

  AccessPolicy(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The caller's effective scope: the widest over his roles. */
  public Scope scope(EntityType entity, Action action) {
    return scope(callerId(), entity, action);
  }

  /**
   * The caller's effective scope for every entity type and action, in one query: for pages that ask
   * many questions at once (which menu entries to show). A pair missing from the map is NONE.
   */
  public Map<EntityType, Map<Action, Scope>> scopes() {
    long caller = callerId();
    Map<EntityType, Map<Action, Scope>> known =
        RequestMemo.get("scopes", caller, () -> scopes(caller));
    return known != null ? known : scopes(caller);
  }

  private Map<EntityType, Map<Action, Scope>> scopes(long caller) {
    Map<EntityType, Map<Action, Scope>> scopes = new EnumMap<>(EntityType.class);
    jdbc.sql(
            "SELECT p.entity_type, p.action, p.scope FROM crm_user_role ur JOIN crm_role_permission p"
                + " ON p.role_id = ur.role_id WHERE ur.user_id = :user")
        .param("user", caller)
        .query(
            (rs, i) ->
                new Object[] {
                  EntityType.valueOf(rs.getString(1)),
                  Action.valueOf(rs.getString(2)),
                  Scope.valueOf(rs.getString(3))
                })
        .list()
        .forEach(
            row ->
                scopes
                    .computeIfAbsent((EntityType) row[0], e -> new EnumMap<>(Action.class))
                    .merge((Action) row[1], (Scope) row[2], Scope::widest));
    return scopes;
  }

  /**
   * Refuses (403) creating a record of {@code entity} with this responsible: with scope OWN it must
   * be the caller, with a department scope someone in his departments, and a record without a
   * responsible needs scope ALL (nobody else could ever see it).
   */
  public void requireCreate(EntityType entity, Long responsibleId) {
    long caller = callerId();
    Scope scope = scope(caller, entity, Action.CREATE);
    if (!covers(caller, scope, entity, responsibleId)) {
      throw forbidden(entity, Action.CREATE, scope, "create");
    }
  }

  /**
   * Guards one record. For READ a record outside the caller's scope is reported as missing (404,
   * the same message as for an id that does not exist), so ids are not confirmed. For other actions
   * a record the caller cannot even read is a 404 as well; one he can read but not change is a 403
   * naming the action and the entity.
   */
  public void require(EntityType entity, Action action, long id, Long ownerId) {
    long caller = callerId();
    if (!covers(caller, scope(caller, entity, Action.READ), entity, ownerId)) {
      throw new NotFoundException(entity.label(), id);
    }
    if (action != Action.READ) {
      Scope scope = scope(caller, entity, action);
      if (!covers(caller, scope, entity, ownerId)) {
        throw forbidden(entity, action, scope, "this");
      }
    }
  }

  /** Refuses (403) an action on the kind as a whole, e.g. an export when the scope is NONE. */
  public void requireAny(EntityType entity, Action action) {
    Scope scope = scope(entity, action);
    if (scope == Scope.NONE) {
      throw forbidden(entity, action, scope, "any");
    }
  }

  /** Whether the caller may read a record with this responsible (to drop it from a result). */
  public boolean canRead(EntityType entity, Long ownerId) {
    long caller = callerId();
    return covers(caller, scope(caller, entity, Action.READ), entity, ownerId);
  }

  /**
   * The caller's scope for {@code action} as a condition on {@code ownerColumn} (the qualified
   * responsible column, e.g. {@code l.responsible_id}).
   */
  public ScopeFilter filter(EntityType entity, Action action, String ownerColumn) {
    long caller = callerId();
    return filter(caller, scope(caller, entity, action), entity, ownerColumn);
  }

  /** Whether the caller's scope for {@code action} covers a record with this responsible. */
  public boolean allows(EntityType entity, Action action, Long ownerId) {
    long caller = callerId();
    return covers(caller, scope(caller, entity, action), entity, ownerId);
  }

  /**
   * The widest of the caller's scopes for {@code action} over several entity types: how far his
   * view of colleagues' work reaches, for records that belong to no CRM record of their own (a task
   * or an activity without links).
   */
  public Scope widestScope(Action action, Collection<EntityType> entities) {
    return widestScope(scopes(), action, entities);
  }

  /** As {@link #widestScope(Action, Collection)}, from a matrix {@link #scopes()} already read. */
  public static Scope widestScope(
      Map<EntityType, Map<Action, Scope>> scopes, Action action, Collection<EntityType> entities) {
    Scope widest = Scope.NONE;
    for (EntityType entity : entities) {
      widest = widest.widest(scopeOf(scopes, entity, action));
    }
    return widest;
  }

  /** One pair of a matrix {@link #scopes()} read: NONE when the caller's roles do not grant it. */
  public static Scope scopeOf(
      Map<EntityType, Map<Action, Scope>> scopes, EntityType entity, Action action) {
    return scopes.getOrDefault(entity, Map.of()).getOrDefault(action, Scope.NONE);
  }

  /**
   * {@code scope} (e.g. from {@link #scopes()}) as a condition on {@code ownerColumn} for records
   * of {@code entity}, as {@link #filter(EntityType, Action, String)} builds it from the matrix.
   */
  public ScopeFilter filter(EntityType entity, Scope scope, String ownerColumn) {
    return filter(callerId(), scope, entity, ownerColumn);
  }

  /** Whether {@code scope} covers a responsible user, measured as for owned records. */
  public boolean coversResponsible(Scope scope, Long responsibleId) {
    return covers(callerId(), scope, EntityType.LEAD, responsibleId);
  }

  /** {@code scope} as a condition on a responsible column, as {@link #filter} builds it. */
  public ScopeFilter responsibleFilter(Scope scope, String ownerColumn) {
    return filter(callerId(), scope, EntityType.LEAD, ownerColumn);
  }

  // ---- deals: "visible to all" and restrictions per pipeline and stage

  /**
   * As {@link #require} for a deal: a deal marked visible to all is readable by every CRM user, and
   * a deal of a pipeline the caller's roles hide is missing for him.
   */
  public void requireDeal(
      Action action, long id, Long ownerId, boolean visibleToAll, long pipelineId) {
    long caller = callerId();
    boolean readable =
        !hiddenPipelines(caller).contains(pipelineId)
            && (visibleToAll
                || covers(
                    caller, scope(caller, EntityType.DEAL, Action.READ), EntityType.DEAL, ownerId));
    if (!readable) {
      throw new NotFoundException(EntityType.DEAL.label(), id);
    }
    if (action != Action.READ) {
      Scope scope = scope(caller, EntityType.DEAL, action);
      if (!covers(caller, scope, EntityType.DEAL, ownerId)) {
        throw forbidden(EntityType.DEAL, action, scope, "this");
      }
    }
  }

  /** As {@link #requireDeal}, as a yes/no instead of an exception. */
  public boolean allowsDeal(Action action, Long ownerId, boolean visibleToAll, long pipelineId) {
    long caller = callerId();
    if (hiddenPipelines(caller).contains(pipelineId)) {
      return false;
    }
    if (action == Action.READ && visibleToAll) {
      return true;
    }
    return covers(caller, scope(caller, EntityType.DEAL, action), EntityType.DEAL, ownerId);
  }

  /** As {@link #requireCreate} for a deal, which must also not go into a hidden pipeline. */
  public void requireDealCreate(Long responsibleId, long pipelineId) {
    requireCreate(EntityType.DEAL, responsibleId);
    if (hiddenPipelines(callerId()).contains(pipelineId)) {
      throw new ForbiddenException(
          Action.CREATE.name(),
          EntityType.DEAL.name(),
          "Your role does not allow CREATE on DEAL in pipeline " + pipelineId);
    }
  }

  /**
   * The deal filter: the owner scope, OR'ed (for READ) with the visible-to-all flag, and never
   * deals of pipelines the caller's roles hide.
   */
  public ScopeFilter dealFilter(
      Action action, String ownerColumn, String visibleColumn, String pipelineColumn) {
    return dealFilter(
        scope(EntityType.DEAL, action), action, ownerColumn, visibleColumn, pipelineColumn);
  }

  /**
   * As {@link #dealFilter(Action, String, String, String)} with the caller's DEAL scope for {@code
   * action} already known (e.g. from {@link #scopes()}).
   */
  public ScopeFilter dealFilter(
      Scope scope, Action action, String ownerColumn, String visibleColumn, String pipelineColumn) {
    long caller = callerId();
    ScopeFilter owner = filter(caller, scope, EntityType.DEAL, ownerColumn);
    List<Object> parameters = new ArrayList<>();
    List<String> conditions = new ArrayList<>();
    if (owner.restricts()) {
      if (action == Action.READ || action == Action.EXPORT) {
        conditions.add("(" + owner.sql() + " OR " + visibleColumn + " = TRUE)");
      } else {
        conditions.add("(" + owner.sql() + ")");
      }
      parameters.addAll(owner.parameters());
    }
    Set<Long> hidden = hiddenPipelines(caller);
    if (!hidden.isEmpty()) {
      conditions.add(pipelineColumn + " NOT IN (" + placeholders(hidden.size()) + ")");
      parameters.addAll(hidden);
    }
    return conditions.isEmpty()
        ? ScopeFilter.UNRESTRICTED
        : new ScopeFilter(String.join(" AND ", conditions), List.copyOf(parameters));
  }

  /**
   * Refuses (403) moving a deal into a stage one of the caller's deal restrictions forbids (by
   * stage or by its semantic, e.g. WON). With several roles the move is refused only when every
   * role forbids it: the widest role wins, as for scopes.
   */
  public void requireDealMove(long pipelineId, long stageId, String stageCode, String semantic) {
    long caller = callerId();
    int roles = roleCount(caller);
    if (roles == 0) {
      return; // without roles nothing was readable, so require* refused already
    }
    long forbidding =
        jdbc.sql(
                "SELECT COUNT(DISTINCT rr.role_id) FROM crm_role_deal_restriction rr"
                    + " JOIN crm_user_role ur ON ur.role_id = rr.role_id"
                    + " WHERE ur.user_id = :user"
                    + " AND (rr.pipeline_id IS NULL OR rr.pipeline_id = :pipeline)"
                    + " AND (rr.stage_id = :stage OR rr.stage_semantic = :semantic)")
            .param("user", caller)
            .param("pipeline", pipelineId)
            .param("stage", stageId)
            .param("semantic", semantic)
            .query(Long.class)
            .single();
    if (forbidding >= roles) {
      throw new ForbiddenException(
          "MOVE",
          EntityType.DEAL.name(),
          "Your role does not allow moving a DEAL into stage "
              + stageCode
              + " ("
              + semantic
              + ") of pipeline "
              + pipelineId);
    }
  }

  // ---- settings: users, departments, roles, pipelines, currencies, lead statuses

  /** Refuses (403) unless the caller is an administrator; {@code what} names the setting. */
  public void requireAdministrator(String what) {
    if (!isAdministrator(callerId())) {
      throw new ForbiddenException(
          "CHANGE", what, "Only an administrator may change " + what.toLowerCase(Locale.ROOT));
    }
  }

  /** Refuses (403) unless the caller is {@code userId} himself or an administrator. */
  public void requireSelfOrAdministrator(long userId, String what) {
    long caller = callerId();
    if (caller != userId && !isAdministrator(caller)) {
      throw new ForbiddenException(
          "CHANGE",
          what,
          "Only the user himself or an administrator may change his "
              + what.toLowerCase(Locale.ROOT));
    }
  }

  /** The id of the calling user (the system user for processes). */
  public long callerId() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null && authentication.getPrincipal() instanceof CrmUserPrincipal user) {
      return user.id();
    }
    throw new ForbiddenException(
        "ANY",
        "ANY",
        "No signed-in user: sign in, or run background work as SystemUser.runAs(...)");
  }

  // ---- internals

  Scope scope(long caller, EntityType entity, Action action) {
    Map<EntityType, Map<Action, Scope>> known =
        RequestMemo.get("scopes", caller, () -> scopes(caller));
    if (known != null) {
      return known.getOrDefault(entity, Map.of()).getOrDefault(action, Scope.NONE);
    }
    return jdbc
        .sql(
            "SELECT p.scope FROM crm_user_role ur JOIN crm_role_permission p"
                + " ON p.role_id = ur.role_id WHERE ur.user_id = :user"
                + " AND p.entity_type = :entity AND p.action = :action")
        .param("user", caller)
        .param("entity", entity.name())
        .param("action", action.name())
        .query(String.class)
        .list()
        .stream()
        .map(Scope::valueOf)
        .reduce(Scope.NONE, Scope::widest);
  }

  private boolean covers(long caller, Scope scope, EntityType entity, Long ownerId) {
    if (!entity.owned()) {
      return scope != Scope.NONE;
    }
    return switch (scope) {
      case NONE -> false;
      case ALL -> true;
      case OWN -> ownerId != null && ownerId == caller;
      case DEPARTMENT, DEPARTMENT_AND_SUBS -> {
        if (ownerId == null) {
          yield false;
        }
        if (ownerId == caller) {
          yield true;
        }
        Long ownerDepartment =
            jdbc.sql("SELECT department_id FROM crm_user WHERE id = :id")
                .param("id", ownerId)
                .query(Long.class)
                .optional()
                .orElse(null);
        yield ownerDepartment != null
            && departments(caller, scope == Scope.DEPARTMENT_AND_SUBS).contains(ownerDepartment);
      }
    };
  }

  private ScopeFilter filter(long caller, Scope scope, EntityType entity, String ownerColumn) {
    if (!entity.owned()) {
      return scope == Scope.NONE ? ScopeFilter.NONE : ScopeFilter.UNRESTRICTED;
    }
    return switch (scope) {
      case NONE -> ScopeFilter.NONE;
      case ALL -> ScopeFilter.UNRESTRICTED;
      case OWN -> new ScopeFilter(ownerColumn + " = ?", List.of(caller));
      case DEPARTMENT, DEPARTMENT_AND_SUBS -> {
        Set<Long> departments = departments(caller, scope == Scope.DEPARTMENT_AND_SUBS);
        if (departments.isEmpty()) {
          yield new ScopeFilter(ownerColumn + " = ?", List.of(caller));
        }
        List<Object> parameters = new ArrayList<>();
        parameters.add(caller);
        parameters.addAll(departments);
        yield new ScopeFilter(
            ownerColumn
                + " = ? OR "
                + ownerColumn
                + " IN (SELECT scope_user.id FROM crm_user scope_user WHERE"
                + " scope_user.department_id IN ("
                + placeholders(departments.size())
                + "))",
            List.copyOf(parameters));
      }
    };
  }

  /**
   * The departments the user belongs to or heads, and with {@code withSubs} every department below
   * them.
   */
  Set<Long> departments(long user, boolean withSubs) {
    Set<Long> known =
        RequestMemo.get(
            withSubs ? "departmentsAndSubs" : "departments",
            user,
            () -> readDepartments(user, withSubs));
    return known != null ? known : readDepartments(user, withSubs);
  }

  private Set<Long> readDepartments(long user, boolean withSubs) {
    Set<Long> own =
        new LinkedHashSet<>(
            jdbc.sql(
                    "SELECT department_id FROM crm_user WHERE id = :user AND department_id IS NOT"
                        + " NULL UNION SELECT id FROM crm_department WHERE head_user_id = :user")
                .param("user", user)
                .query(Long.class)
                .list());
    if (!withSubs || own.isEmpty()) {
      return own;
    }
    Map<Long, List<Long>> children = new HashMap<>();
    jdbc.sql("SELECT id, parent_id FROM crm_department WHERE parent_id IS NOT NULL")
        .query(
            (rs, i) -> {
              children
                  .computeIfAbsent(rs.getLong("parent_id"), k -> new ArrayList<>())
                  .add(rs.getLong("id"));
              return null;
            })
        .list();
    Set<Long> all = new LinkedHashSet<>(own);
    Deque<Long> todo = new ArrayDeque<>(own);
    while (!todo.isEmpty()) {
      for (Long child : children.getOrDefault(todo.pop(), Collections.emptyList())) {
        if (all.add(child)) {
          todo.push(child);
        }
      }
    }
    return all;
  }

  /** Pipelines every role of the user hides (a restriction with a pipeline and no stage). */
  private Set<Long> hiddenPipelines(long user) {
    Set<Long> known = RequestMemo.get("hiddenPipelines", user, () -> readHiddenPipelines(user));
    return known != null ? known : readHiddenPipelines(user);
  }

  private Set<Long> readHiddenPipelines(long user) {
    return new LinkedHashSet<>(
        jdbc.sql(
                "SELECT rr.pipeline_id FROM crm_role_deal_restriction rr"
                    + " JOIN crm_user_role ur ON ur.role_id = rr.role_id"
                    + " WHERE ur.user_id = :user AND rr.pipeline_id IS NOT NULL"
                    + " AND rr.stage_id IS NULL AND rr.stage_semantic IS NULL"
                    + " GROUP BY rr.pipeline_id HAVING COUNT(DISTINCT rr.role_id) ="
                    + " (SELECT COUNT(*) FROM crm_user_role c WHERE c.user_id = :user)")
            .param("user", user)
            .query(Long.class)
            .list());
  }

  private int roleCount(long user) {
    return jdbc.sql("SELECT COUNT(*) FROM crm_user_role WHERE user_id = :user")
        .param("user", user)
        .query(Integer.class)
        .single();
  }

  private boolean isAdministrator(long user) {
    return jdbc.sql(
                "SELECT COUNT(*) FROM crm_user_role ur JOIN crm_role r ON r.id = ur.role_id"
                    + " WHERE ur.user_id = :user AND r.code = :code")
            .param("user", user)
            .param("code", ADMINISTRATOR)
            .query(Integer.class)
            .single()
        > 0;
  }

  private static ForbiddenException forbidden(
      EntityType entity, Action action, Scope scope, String which) {
    String target =
        switch (which) {
          case "create" -> "creating a " + entity.name() + " for this responsible";
          case "any" -> action.name() + " on " + entity.name();
          default -> action.name() + " on this " + entity.name();
        };
    return new ForbiddenException(
        action.name(),
        entity.name(),
        "Your role does not allow "
            + target
            + " (your scope for "
            + action.name()
            + " "
            + entity.name()
            + " is "
            + scope.name()
            + ")");
  }

  private static String placeholders(int count) {
    return String.join(", ", Collections.nCopies(count, "?"));
  }
}
