package org.flowcrm.crm.permission;

import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flowcrm.crm.security.AuditLog;
import org.flowcrm.crm.security.CrmUserPrincipal;
import org.flowcrm.crm.shared.ConflictException;
import org.flowcrm.crm.shared.FieldProblem;
import org.flowcrm.crm.shared.InvalidFieldException;
import org.flowcrm.crm.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Roles editable at runtime: their permission matrix, deal restrictions and which users hold them.
 * Only administrators change them; every change is written to the audit log with the old and new
 * values.
 */
@Service
@Validated
@Transactional(readOnly = true)
public class RoleService {

  private final JdbcClient jdbc;
  private final AccessPolicy policy;
  private final AuditLog audit;

  RoleService(JdbcClient jdbc, AccessPolicy policy, AuditLog audit) {
    this.jdbc = jdbc;
    this.policy = policy;
    this.audit = audit;
  }

  public List<RoleView> list() {
    policy.callerId();
    return jdbc.sql("SELECT id, code, name, built_in FROM crm_role ORDER BY id")
        .query(RoleView.class)
        .list();
  }

  @Transactional
  public RoleView create(@Valid RoleCommand command) {
    policy.requireAdministrator("ROLES");
    if (find(command.code()) != null) {
      throw new ConflictException("A role with code " + command.code() + " already exists");
    }
    jdbc.sql("INSERT INTO crm_role (code, name, built_in) VALUES (:code, :name, FALSE)")
        .param("code", command.code())
        .param("name", command.name())
        .update();
    audit.record("ROLE_CREATED", callerLogin(), command.code() + " (" + command.name() + ")", null);
    return require(command.code());
  }

  @Transactional
  public void delete(String code) {
    policy.requireAdministrator("ROLES");
    RoleView role = require(code);
    if (role.builtIn()) {
      throw new ConflictException("The built-in role " + code + " cannot be deleted");
    }
    long holders =
        jdbc.sql("SELECT COUNT(*) FROM crm_user_role WHERE role_id = :id")
            .param("id", role.id())
            .query(Long.class)
            .single();
    if (holders > 0) {
      throw new ConflictException(
          "Role " + code + " is held by " + holders + " user(s); take it from them first");
    }
    jdbc.sql("DELETE FROM crm_role WHERE id = :id").param("id", role.id()).update();
    RequestMemo.forgetAll();
    audit.record("ROLE_DELETED", callerLogin(), code, null);
  }

  /** The complete matrix of a role; cells without a row are NONE. */
  public PermissionMatrix matrix(String code) {
    policy.requireAdministrator("ROLES");
    RoleView role = require(code);
    return new PermissionMatrix(role.code(), complete(stored(role.id())));
  }

  /** The caller's effective rights: per cell the widest scope over his roles. */
  public PermissionMatrix mine() {
    long caller = policy.callerId();
    List<Permission> cells = new ArrayList<>();
    for (EntityType entity : EntityType.values()) {
      for (Action action : Action.values()) {
        cells.add(new Permission(entity, action, policy.scope(caller, entity, action)));
      }
    }
    return new PermissionMatrix(null, cells);
  }

  /**
   * Sets the given cells of a role's matrix (cells not mentioned keep their scope) and audits each
   * change as {@code ENTITY ACTION old→new}.
   */
  @Transactional
  public PermissionMatrix updateMatrix(String code, List<@Valid Permission> cells) {
    policy.requireAdministrator("ROLES");
    RoleView role = require(code);
    if (SystemUser.ROLE.equals(role.code())) {
      throw new ConflictException("The PROCESS role always has every permission");
    }
    if (cells == null || cells.isEmpty()) {
      throw new InvalidFieldException("permissions", "must list at least one cell");
    }
    Map<EntityType, Map<Action, Scope>> before = stored(role.id());
    List<String> changes = new ArrayList<>();
    for (Permission cell : cells) {
      Scope old =
          before.getOrDefault(cell.entity(), Map.of()).getOrDefault(cell.action(), Scope.NONE);
      jdbc.sql(
              "INSERT INTO crm_role_permission (role_id, entity_type, action, scope)"
                  + " VALUES (:role, :entity, :action, :scope)"
                  + " ON DUPLICATE KEY UPDATE scope = VALUES(scope)")
          .param("role", role.id())
          .param("entity", cell.entity().name())
          .param("action", cell.action().name())
          .param("scope", cell.scope().name())
          .update();
      if (old != cell.scope()) {
        changes.add(cell.entity() + " " + cell.action() + " " + old + "→" + cell.scope());
      }
    }
    RequestMemo.forgetAll();
    if (!changes.isEmpty()) {
      audit.record(
          "PERMISSIONS_CHANGED",
          callerLogin(),
          role.code() + ": " + String.join(", ", changes),
          null);
    }
    return new PermissionMatrix(role.code(), complete(stored(role.id())));
  }

  public List<DealRestriction> dealRestrictions(String code) {
    policy.requireAdministrator("ROLES");
    return restrictions(require(code).id());
  }

  /** Replaces a role's deal restrictions; each pipeline and stage must exist and match. */
  @Transactional
  public List<DealRestriction> replaceDealRestrictions(String code, List<DealRestriction> wanted) {
    policy.requireAdministrator("ROLES");
    RoleView role = require(code);
    if (SystemUser.ROLE.equals(role.code())) {
      throw new ConflictException("The PROCESS role cannot be restricted");
    }
    List<DealRestriction> list = wanted == null ? List.of() : wanted;
    List<FieldProblem> problems = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      validate(list.get(i), "restrictions[" + i + "]", problems);
    }
    if (!problems.isEmpty()) {
      throw new InvalidFieldException(problems);
    }
    List<DealRestriction> before = restrictions(role.id());
    jdbc.sql("DELETE FROM crm_role_deal_restriction WHERE role_id = :role")
        .param("role", role.id())
        .update();
    for (DealRestriction r : list) {
      jdbc.sql(
              "INSERT INTO crm_role_deal_restriction (role_id, pipeline_id, stage_id,"
                  + " stage_semantic) VALUES (:role, :pipeline, :stage, :semantic)")
          .param("role", role.id())
          .param("pipeline", r.pipelineId())
          .param("stage", r.stageId())
          .param("semantic", r.stageSemantic())
          .update();
    }
    RequestMemo.forgetAll();
    List<DealRestriction> after = restrictions(role.id());
    audit.record(
        "DEAL_RESTRICTIONS_CHANGED",
        callerLogin(),
        role.code() + ": " + before + " → " + after,
        null);
    return after;
  }

  /** The codes of the roles a user holds. */
  public List<String> rolesOf(long userId) {
    policy.callerId();
    requireUser(userId);
    return jdbc.sql(
            "SELECT r.code FROM crm_role r JOIN crm_user_role ur ON ur.role_id = r.id"
                + " WHERE ur.user_id = :user ORDER BY r.code")
        .param("user", userId)
        .query(String.class)
        .list();
  }

  /**
   * Replaces a user's roles. PROCESS is reserved for the system user, and the last administrator
   * cannot give up the role (nobody could manage roles any more).
   */
  @Transactional
  public List<String> assignRoles(long userId, List<String> codes) {
    policy.requireAdministrator("USER_ROLES");
    String login = requireUser(userId);
    if (SystemUser.LOGIN.equals(login)) {
      throw new ConflictException("The system user's role cannot be changed");
    }
    Set<String> wanted = new LinkedHashSet<>(codes == null ? List.of() : codes);
    List<FieldProblem> problems = new ArrayList<>();
    List<Long> roleIds = new ArrayList<>();
    for (String code : wanted) {
      RoleView role = code == null ? null : find(code);
      if (role == null) {
        problems.add(new FieldProblem("roles", "unknown role " + code));
      } else if (SystemUser.ROLE.equals(role.code())) {
        problems.add(new FieldProblem("roles", "PROCESS is reserved for the system user"));
      } else {
        roleIds.add(role.id());
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidFieldException(problems);
    }
    List<String> before = rolesOf(userId);
    if (before.contains(AccessPolicy.ADMINISTRATOR)
        && !wanted.contains(AccessPolicy.ADMINISTRATOR)
        && otherAdministrators(userId) == 0) {
      throw new ConflictException(
          "User " + login + " is the last administrator; make someone else one first");
    }
    jdbc.sql("DELETE FROM crm_user_role WHERE user_id = :user").param("user", userId).update();
    for (Long roleId : roleIds) {
      jdbc.sql("INSERT INTO crm_user_role (user_id, role_id) VALUES (:user, :role)")
          .param("user", userId)
          .param("role", roleId)
          .update();
    }
    RequestMemo.forgetAll();
    List<String> after = rolesOf(userId);
    audit.record("USER_ROLES_CHANGED", callerLogin(), login + ": " + before + " → " + after, null);
    return after;
  }

  // ---- internals

  private long otherAdministrators(long userId) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM crm_user_role ur JOIN crm_role r ON r.id = ur.role_id"
                + " JOIN crm_user u ON u.id = ur.user_id WHERE r.code = :code"
                + " AND ur.user_id <> :user AND u.active = TRUE")
        .param("code", AccessPolicy.ADMINISTRATOR)
        .param("user", userId)
        .query(Long.class)
        .single();
  }

  private void validate(DealRestriction r, String field, List<FieldProblem> problems) {
    if (r == null) {
      problems.add(new FieldProblem(field, "must not be null"));
      return;
    }
    if (r.stageSemantic() != null && !Set.of("OPEN", "WON", "LOST").contains(r.stageSemantic())) {
      problems.add(new FieldProblem(field + ".stageSemantic", "must be one of [OPEN, WON, LOST]"));
    }
    if (r.stageId() != null && r.stageSemantic() != null) {
      problems.add(new FieldProblem(field + ".stageId", "give either stageId or stageSemantic"));
    }
    if (r.pipelineId() == null && r.stageId() == null && r.stageSemantic() == null) {
      problems.add(new FieldProblem(field, "needs a pipelineId, a stageId or a stageSemantic"));
    }
    if (r.pipelineId() != null
        && jdbc.sql("SELECT COUNT(*) FROM crm_pipeline WHERE id = :id")
                .param("id", r.pipelineId())
                .query(Long.class)
                .single()
            == 0) {
      problems.add(
          new FieldProblem(
              field + ".pipelineId", "pipeline " + r.pipelineId() + " does not exist"));
    }
    if (r.stageId() != null) {
      Long pipeline =
          jdbc.sql("SELECT pipeline_id FROM crm_pipeline_stage WHERE id = :id")
              .param("id", r.stageId())
              .query(Long.class)
              .optional()
              .orElse(null);
      if (pipeline == null) {
        problems.add(
            new FieldProblem(field + ".stageId", "stage " + r.stageId() + " does not exist"));
      } else if (r.pipelineId() != null && !pipeline.equals(r.pipelineId())) {
        problems.add(
            new FieldProblem(
                field + ".stageId",
                "stage "
                    + r.stageId()
                    + " belongs to pipeline "
                    + pipeline
                    + ", not "
                    + r.pipelineId()));
      }
    }
  }

  private List<DealRestriction> restrictions(long roleId) {
    return jdbc.sql(
            "SELECT pipeline_id, stage_id, stage_semantic FROM crm_role_deal_restriction"
                + " WHERE role_id = :role ORDER BY id")
        .param("role", roleId)
        .query(
            (rs, i) ->
                new DealRestriction(
                    rs.getObject("pipeline_id", Long.class),
                    rs.getObject("stage_id", Long.class),
                    rs.getString("stage_semantic")))
        .list();
  }

  private Map<EntityType, Map<Action, Scope>> stored(long roleId) {
    Map<EntityType, Map<Action, Scope>> cells = new EnumMap<>(EntityType.class);
    jdbc.sql("SELECT entity_type, action, scope FROM crm_role_permission WHERE role_id = :role")
        .param("role", roleId)
        .query(
            (rs, i) ->
                cells
                    .computeIfAbsent(
                        EntityType.valueOf(rs.getString("entity_type")),
                        k -> new EnumMap<>(Action.class))
                    .put(
                        Action.valueOf(rs.getString("action")),
                        Scope.valueOf(rs.getString("scope"))))
        .list();
    return cells;
  }

  private static List<Permission> complete(Map<EntityType, Map<Action, Scope>> stored) {
    List<Permission> cells = new ArrayList<>();
    for (EntityType entity : EntityType.values()) {
      for (Action action : Action.values()) {
        cells.add(
            new Permission(
                entity,
                action,
                stored.getOrDefault(entity, Map.of()).getOrDefault(action, Scope.NONE)));
      }
    }
    return cells;
  }

  private RoleView find(String code) {
    return jdbc.sql("SELECT id, code, name, built_in FROM crm_role WHERE code = :code")
        .param("code", code)
        .query(RoleView.class)
        .optional()
        .orElse(null);
  }

  private RoleView require(String code) {
    RoleView role = find(code);
    if (role == null) {
      throw new NotFoundException("Role", code);
    }
    return role;
  }

  private String requireUser(long userId) {
    return jdbc.sql("SELECT login FROM crm_user WHERE id = :id")
        .param("id", userId)
        .query(String.class)
        .optional()
        .orElseThrow(() -> new NotFoundException("User", userId));
  }

  private static String callerLogin() {
    var authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication != null && authentication.getPrincipal() instanceof CrmUserPrincipal p
        ? p.login()
        : null;
  }
}
