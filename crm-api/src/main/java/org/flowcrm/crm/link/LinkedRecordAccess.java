package org.flowcrm.crm.link;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.flowcrm.crm.permission.AccessPolicy;
import org.flowcrm.crm.permission.Action;
import org.flowcrm.crm.permission.EntityType;
import org.flowcrm.crm.permission.Scope;
import org.flowcrm.crm.permission.ScopeFilter;
import org.flowcrm.crm.shared.ForbiddenException;
import org.flowcrm.crm.shared.InvalidFieldException;
import org.flowcrm.crm.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The permission rule of what hangs off CRM records – activities and CRM tasks – on top of {@link
 * AccessPolicy}: such an entry follows the records it is linked to. Reading it needs READ on at
 * least one of them (it shows on each of their timelines); creating, changing or deleting it needs
 * UPDATE on every one of them (it changes each timeline). Its responsible and its author (and, for
 * tasks, its observers) may always read it, and the responsible and the author may always complete
 * it. An entry without links belongs to people only: besides them, whoever's widest READ scope over
 * the CRM entity types covers its responsible reads it, and the widest UPDATE scope changes it.
 *
 * <p>The same rule is available as a SQL condition ({@link #readFilter}) so lists, counts and pages
 * only ever contain readable entries.
 */
@Component
public class LinkedRecordAccess {

  /** The CRM entity types an entry can be linked to, whose scopes measure loose entries. */
  static final List<EntityType> CRM_TYPES =
      List.of(
          EntityType.LEAD,
          EntityType.CONTACT,
          EntityType.COMPANY,
          EntityType.DEAL,
          EntityType.QUOTE,
          EntityType.INVOICE);

  private final AccessPolicy policy;
  private final JdbcClient jdbc;

  LinkedRecordAccess(AccessPolicy policy, JdbcClient jdbc) {
    this.policy = policy;
    this.jdbc = jdbc;
  }

  /**
   * An activity or task as the rule sees it: who is responsible, who wrote it, who else may read it
   * (observers), and what it is linked to.
   */
  public record Entry(
      String label,
      long id,
      Long responsibleId,
      Long authorId,
      Collection<Long> readers,
      List<ItemLink> links) {}

  /** The caller's id (the system user for processes). */
  public long callerId() {
    return policy.callerId();
  }

  /** 404, as for an id that does not exist, unless the caller may read the entry. */
  public void requireRead(Entry entry) {
    if (!canRead(entry)) {
      throw new NotFoundException(entry.label(), entry.id());
    }
  }

  /** 404 unless readable; 403 unless the caller may change (update, delete) the entry. */
  public void requireChange(Entry entry) {
    requireRead(entry);
    if (!canChange(entry.responsibleId(), entry.links())) {
      throw forbidden(entry, "change");
    }
  }

  /** As {@link #requireChange}, but its responsible and its author may always complete it. */
  public void requireComplete(Entry entry) {
    requireRead(entry);
    long caller = policy.callerId();
    if (isPerson(caller, entry.responsibleId()) || isPerson(caller, entry.authorId())) {
      return;
    }
    if (!canChange(entry.responsibleId(), entry.links())) {
      throw forbidden(entry, "complete");
    }
  }

  /**
   * Refuses (403 naming {@code field[i]}) attaching an entry to a record the caller may not update,
   * and (403 naming {@code responsibleField}) a loose entry for a responsible outside his widest
   * UPDATE scope – a loose entry for himself or for nobody is always allowed. A link to a record he
   * may not even read is reported as missing (422 naming {@code field[i]}), as {@link
   * LinkService#requireExisting} does for most kinds.
   */
  public void requireAttach(
      List<ItemLink> links, Long responsibleId, String field, String responsibleField) {
    if (links.isEmpty()) {
      long caller = policy.callerId();
      if (responsibleId == null || responsibleId == caller) {
        return;
      }
      Scope scope = policy.widestScope(Action.UPDATE, CRM_TYPES);
      if (!policy.coversResponsible(scope, responsibleId)) {
        throw new ForbiddenException(
            Action.UPDATE.name(),
            responsibleField,
            "Your role does not allow an entry without links for this "
                + responsibleField
                + " (your widest UPDATE scope is "
                + scope
                + "); link it to a record you may change");
      }
      return;
    }
    for (int i = 0; i < links.size(); i++) {
      ItemLink link = links.get(i);
      if (!allows(link, Action.READ)) {
        // as unknown as a record that does not exist, whatever kind it is
        throw new InvalidFieldException(
            field + "[" + i + "]",
            link.type().name().toLowerCase(java.util.Locale.ROOT)
                + " "
                + link.id()
                + " does not exist");
      }
      if (!allows(link, Action.UPDATE)) {
        throw new ForbiddenException(
            Action.UPDATE.name(),
            entity(link.type()).name(),
            "Your role does not allow adding to "
                + field
                + "["
                + i
                + "]: UPDATE on "
                + link.type()
                + " "
                + link.id()
                + " is not in your scope");
      }
    }
  }

  /** 404 (as the record's own) unless the caller may read the linked record itself. */
  public void requireReadable(ItemType type, long id) {
    if (!allows(new ItemLink(type, id), Action.READ)) {
      throw new NotFoundException(entity(type).label(), id);
    }
  }

  public boolean canRead(Entry entry) {
    long caller = policy.callerId();
    if (isPerson(caller, entry.responsibleId())
        || isPerson(caller, entry.authorId())
        || entry.readers().contains(caller)) {
      return true;
    }
    if (entry.links().isEmpty()) {
      return policy.coversResponsible(
          policy.widestScope(Action.READ, CRM_TYPES), entry.responsibleId());
    }
    return entry.links().stream().anyMatch(link -> allows(link, Action.READ));
  }

  private boolean canChange(Long responsibleId, List<ItemLink> links) {
    if (links.isEmpty()) {
      return policy.coversResponsible(policy.widestScope(Action.UPDATE, CRM_TYPES), responsibleId);
    }
    return links.stream().allMatch(link -> allows(link, Action.UPDATE));
  }

  /**
   * The read rule as a SQL condition on the entry table {@code alias}, whose links are in {@code
   * linkTable} (column {@code linkColumn} pointing at {@code alias.id}). {@code extraReaders} is a
   * condition with one {@code ?} for the caller (e.g. an observers EXISTS), or {@code null}.
   */
  public ScopeFilter readFilter(
      String alias, String linkTable, String linkColumn, String authorColumn, String extraReaders) {
    // The caller's whole matrix in one query (it was one per entity type, twice over); kinds with
    // the same owned scope share one condition, so departments are looked up once.
    Map<EntityType, Map<Action, Scope>> matrix = policy.scopes();
    Map<EntityType, ScopeFilter> filters = new EnumMap<>(EntityType.class);
    Map<Scope, ScopeFilter> byOwnedScope = new EnumMap<>(Scope.class);
    for (ItemType type : ItemType.values()) {
      EntityType entity = entity(type);
      Scope scope = AccessPolicy.scopeOf(matrix, entity, Action.READ);
      ScopeFilter filter;
      if (type == ItemType.DEAL) {
        filter =
            policy.dealFilter(
                scope, Action.READ, "lr.responsible_id", "lr.visible_to_all", "lr.pipeline_id");
      } else if (entity.owned()) {
        filter =
            byOwnedScope.computeIfAbsent(scope, s -> policy.filter(entity, s, "lr.responsible_id"));
      } else {
        filter = policy.filter(entity, scope, "lr.responsible_id");
      }
      filters.put(entity, filter);
    }
    Scope loose = AccessPolicy.widestScope(matrix, Action.READ, CRM_TYPES);
    if (loose == Scope.ALL && filters.values().stream().noneMatch(ScopeFilter::restricts)) {
      return new ScopeFilter(null, List.of());
    }
    long caller = policy.callerId();
    List<String> anyOf = new ArrayList<>();
    List<Object> parameters = new ArrayList<>();
    anyOf.add(alias + ".responsible_id = ?");
    parameters.add(caller);
    anyOf.add(alias + "." + authorColumn + " = ?");
    parameters.add(caller);
    if (extraReaders != null) {
      anyOf.add(extraReaders);
      parameters.add(caller);
    }
    String links = " FROM " + linkTable + " lk WHERE lk." + linkColumn + " = " + alias + ".id";
    ScopeFilter looseFilter = policy.responsibleFilter(loose, alias + ".responsible_id");
    if (!"1 = 0".equals(looseFilter.sql())) {
      anyOf.add(
          "(NOT EXISTS (SELECT 1"
              + links
              + ")"
              + (looseFilter.restricts() ? " AND (" + looseFilter.sql() + ")" : "")
              + ")");
      parameters.addAll(looseFilter.parameters());
    }
    for (ItemType type : ItemType.values()) {
      ScopeFilter filter = filters.get(entity(type));
      if ("1 = 0".equals(filter.sql())) {
        continue;
      }
      if (!filter.restricts()) {
        // every record of the kind is readable: a link of the kind is enough
        anyOf.add("EXISTS (SELECT 1" + links + " AND lk.item_type = '" + type.name() + "')");
        continue;
      }
      anyOf.add(
          "EXISTS (SELECT 1"
              + links
              + " AND lk.item_type = '"
              + type.name()
              + "' AND lk.item_id IN (SELECT lr.id FROM "
              + table(type)
              + " lr WHERE "
              + filter.sql()
              + "))");
      parameters.addAll(filter.parameters());
    }
    return new ScopeFilter(String.join(" OR ", anyOf), List.copyOf(parameters));
  }

  // ---- internals

  /**
   * Whether the caller may {@code action} the linked record. A link whose record is gone protects
   * nothing: it is allowed exactly when the caller's scope for the kind is unrestricted, which is
   * what the SQL condition of {@link #readFilter} does too.
   */
  private boolean allows(ItemLink link, Action action) {
    Optional<LinkedRecord> record = record(link);
    if (record.isEmpty()) {
      ScopeFilter filter =
          link.type() == ItemType.DEAL
              ? policy.dealFilter(action, "x", "x", "x")
              : policy.filter(entity(link.type()), action, "x");
      return !filter.restricts();
    }
    LinkedRecord r = record.get();
    return link.type() == ItemType.DEAL
        ? policy.allowsDeal(action, r.responsibleId(), r.visibleToAll(), r.pipelineId())
        : policy.allows(entity(link.type()), action, r.responsibleId());
  }

  private record LinkedRecord(Long responsibleId, boolean visibleToAll, long pipelineId) {}

  private Optional<LinkedRecord> record(ItemLink link) {
    String sql =
        link.type() == ItemType.DEAL
            ? "SELECT responsible_id, visible_to_all, pipeline_id FROM crm_deal WHERE id = ?"
            : "SELECT responsible_id, FALSE, 0 FROM " + table(link.type()) + " WHERE id = ?";
    return jdbc.sql(sql)
        .param(link.id())
        .query(
            (rs, i) ->
                new LinkedRecord(
                    (Long) rs.getObject(1, Long.class), rs.getBoolean(2), rs.getLong(3)))
        .optional();
  }

  private static boolean isPerson(long caller, Long person) {
    return person != null && person == caller;
  }

  private static ForbiddenException forbidden(Entry entry, String what) {
    Set<String> records = new LinkedHashSet<>();
    entry.links().forEach(link -> records.add(link.type() + " " + link.id()));
    String target =
        records.isEmpty()
            ? "its responsible is outside your widest UPDATE scope"
            : "it needs UPDATE on every record it is linked to ("
                + String.join(", ", records)
                + ")";
    return new ForbiddenException(
        Action.UPDATE.name(),
        entry.label().toUpperCase(java.util.Locale.ROOT),
        "Your role does not allow you to " + what + " this " + entry.label() + ": " + target);
  }

  static EntityType entity(ItemType type) {
    return EntityType.valueOf(type.name());
  }

  static String table(ItemType type) {
    return switch (type) {
      case LEAD -> "crm_lead";
      case CONTACT -> "crm_contact";
      case COMPANY -> "crm_company";
      case DEAL -> "crm_deal";
      case QUOTE -> "crm_quote";
      case INVOICE -> "crm_invoice";
    };
  }
}
