package org.flowcrm.crm.merge;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.flowcrm.crm.company.CompanyCommand;
import org.flowcrm.crm.company.CompanyService;
import org.flowcrm.crm.company.CompanyView;
import org.flowcrm.crm.contact.ContactCommand;
import org.flowcrm.crm.contact.ContactService;
import org.flowcrm.crm.contact.ContactView;
import org.flowcrm.crm.lead.LeadCommand;
import org.flowcrm.crm.lead.LeadService;
import org.flowcrm.crm.lead.LeadView;
import org.flowcrm.crm.lead.StatusSemantic;
import org.flowcrm.crm.permission.AccessPolicy;
import org.flowcrm.crm.permission.Action;
import org.flowcrm.crm.shared.BadParameterException;
import org.flowcrm.crm.shared.Caller;
import org.flowcrm.crm.shared.ConflictException;
import org.flowcrm.crm.shared.Versions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Merges a duplicate contact, company or lead into the record that is kept, in one transaction:
 *
 * <ol>
 *   <li>the caller must be allowed to update the kept record and to delete the duplicate, and both
 *       must still be at the versions he saw (412 otherwise);
 *   <li>the kept record's empty fields are filled from the duplicate and the e-mails, phones,
 *       addresses, companies, product interests and custom-field values it lacks are added, through
 *       the feature's own update (so the change history records each field);
 *   <li>every row that points to the duplicate moves to the kept record: all foreign keys the
 *       database declares on the record's table (deals, quotes and invoices as payer,
 *       company–contact links, leads' converted-to links, comments, ... — read from {@code
 *       information_schema}, so a table added later is covered without a change here) and the
 *       polymorphic links ({@code item_type}/{@code item_id}: activities and mails on the timeline,
 *       tasks, notifications); a link the kept record already has is kept once;
 *   <li>the history gets a {@code mergedFrom} entry, and the duplicate is deleted.
 * </ol>
 */
@Service
@Validated
public class MergeService {

  private final ContactService contacts;
  private final CompanyService companies;
  private final LeadService leads;
  private final AccessPolicy policy;
  private final JdbcTemplate jdbc;
  private final JsonMapper json;
  private final Caller caller;

  @PersistenceContext private EntityManager entityManager;

  MergeService(
      ContactService contacts,
      CompanyService companies,
      LeadService leads,
      AccessPolicy policy,
      JdbcTemplate jdbc,
      JsonMapper json,
      Caller caller) {
    this.contacts = contacts;
    this.companies = companies;
    this.leads = leads;
    this.policy = policy;
    this.jdbc = jdbc;
    this.json = json;
    this.caller = caller;
  }

  /** What the merge did: the kept record as it is now and how many rows moved, per table. */
  public record MergeResult(Object kept, Map<String, Integer> moved) {}

  @Transactional
  public MergeResult mergeContacts(long keptId, @Valid MergeCommand command) {
    check(MergeKind.CONTACT, keptId, command);
    ContactView kept = contacts.get(keptId);
    ContactView duplicate = contacts.get(command.duplicateId());
    authorize(MergeKind.CONTACT, keptId, command, kept.responsibleId(), duplicate.responsibleId());
    Versions.check("Contact", keptId, kept.version(), command.version());
    Versions.check("Contact", duplicate.id(), duplicate.version(), command.duplicateVersion());
    contacts.update(
        keptId, filled(kept, duplicate, ContactCommand.class, Set.of()), command.version());
    Map<String, Integer> moved =
        relink(MergeKind.CONTACT, keptId, duplicate.id(), duplicate.fullName());
    contacts.delete(duplicate.id(), command.duplicateVersion());
    return new MergeResult(contacts.get(keptId), moved);
  }

  @Transactional
  public MergeResult mergeCompanies(long keptId, @Valid MergeCommand command) {
    check(MergeKind.COMPANY, keptId, command);
    CompanyView kept = companies.get(keptId);
    CompanyView duplicate = companies.get(command.duplicateId());
    authorize(MergeKind.COMPANY, keptId, command, kept.responsibleId(), duplicate.responsibleId());
    Versions.check("Company", keptId, kept.version(), command.version());
    Versions.check("Company", duplicate.id(), duplicate.version(), command.duplicateVersion());
    companies.update(
        keptId, filled(kept, duplicate, CompanyCommand.class, Set.of()), command.version());
    Map<String, Integer> moved =
        relink(MergeKind.COMPANY, keptId, duplicate.id(), duplicate.name());
    companies.delete(duplicate.id(), command.duplicateVersion());
    return new MergeResult(companies.get(keptId), moved);
  }

  @Transactional
  public MergeResult mergeLeads(long keptId, @Valid MergeCommand command) {
    check(MergeKind.LEAD, keptId, command);
    LeadView kept = leads.get(keptId);
    LeadView duplicate = leads.get(command.duplicateId());
    authorize(MergeKind.LEAD, keptId, command, kept.responsibleId(), duplicate.responsibleId());
    if (duplicate.statusSemantic() == StatusSemantic.CONVERTED
        && kept.statusSemantic() != StatusSemantic.CONVERTED) {
      throw new ConflictException(
          "Lead "
              + duplicate.id()
              + " was converted and lead "
              + keptId
              + " was not: merging would lose the conversion; merge the open lead "
              + keptId
              + " into the converted lead "
              + duplicate.id()
              + " instead");
    }
    Versions.check("Lead", keptId, kept.version(), command.version());
    Versions.check("Lead", duplicate.id(), duplicate.version(), command.duplicateVersion());
    // The status stays the kept lead's: it changes through its own rules, never by a merge.
    leads.update(
        keptId, filled(kept, duplicate, LeadCommand.class, Set.of("status")), command.version());
    if (kept.process() == null && duplicate.process() != null) {
      // The duplicate's process now works on the kept lead (workers find a lead by its instance).
      jdbc.update(
          "UPDATE crm_lead k JOIN crm_lead d ON d.id = ? SET"
              + " k.process_instance_key = d.process_instance_key, k.process_id = d.process_id,"
              + " k.process_element_id = d.process_element_id,"
              + " k.process_element_name = d.process_element_name,"
              + " k.process_element_since = d.process_element_since WHERE k.id = ?",
          duplicate.id(),
          keptId);
    }
    Map<String, Integer> moved = relink(MergeKind.LEAD, keptId, duplicate.id(), duplicate.title());
    leads.delete(duplicate.id(), command.duplicateVersion());
    return new MergeResult(leads.get(keptId), moved);
  }

  private static void check(MergeKind kind, long keptId, MergeCommand command) {
    if (command.duplicateType() != null && !command.duplicateType().isBlank()) {
      MergeKind other = MergeKind.parse(command.duplicateType());
      if (other != kind) {
        throw new BadParameterException(
            "duplicateType",
            "a "
                + kind.entity().label().toLowerCase(Locale.ROOT)
                + " can only be merged with another "
                + kind.entity().label().toLowerCase(Locale.ROOT)
                + ", not with "
                + command.duplicateType());
      }
    }
    if (command.duplicateId() == keptId) {
      throw new BadParameterException(
          "duplicateId", "is the record itself; a record cannot be merged into itself");
    }
  }

  /** Update on the kept record, delete on the duplicate: 404 when unseen, 403 when refused. */
  private void authorize(
      MergeKind kind, long keptId, MergeCommand command, Long keptOwner, Long dupOwner) {
    policy.require(kind.entity(), Action.UPDATE, keptId, keptOwner);
    policy.require(kind.entity(), Action.DELETE, command.duplicateId(), dupOwner);
  }

  /**
   * The kept record's command with what it lacks taken from the duplicate: empty fields, and the
   * list entries and custom-field values it does not have. {@code skipped} members are not sent
   * (the service keeps them as they are).
   */
  <C> C filled(Object kept, Object duplicate, Class<C> commandType, Set<String> skipped) {
    ObjectNode target = json.valueToTree(kept);
    ObjectNode source = json.valueToTree(duplicate);
    ObjectNode addedFields = json.createObjectNode();
    JsonNode keptFields = target.get("customFields");
    JsonNode dupFields = source.get("customFields");
    if (dupFields != null && dupFields.isObject()) {
      for (Map.Entry<String, JsonNode> field : dupFields.properties()) {
        if (!field.getValue().isNull() && (keptFields == null || !keptFields.has(field.getKey()))) {
          addedFields.set(field.getKey(), field.getValue());
        }
      }
    }
    for (var component : commandType.getRecordComponents()) {
      String name = component.getName();
      if (name.equals("customFields") || skipped.contains(name)) {
        target.remove(name);
        continue;
      }
      JsonNode mine = target.get(name);
      JsonNode theirs = source.get(name);
      if (blank(theirs)) {
        continue;
      }
      if (blank(mine)) {
        target.set(name, theirs);
      } else if (mine.isArray() && theirs.isArray()) {
        target.set(name, union((ArrayNode) mine, theirs));
      }
    }
    if (!addedFields.isEmpty()) {
      target.set("customFields", addedFields);
    }
    return json.treeToValue(target, commandType);
  }

  private static boolean blank(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return true;
    }
    if (node.isString()) {
      return node.asString().isBlank();
    }
    if (node.isArray()) {
      return node.isEmpty();
    }
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> member : node.properties()) {
        if (!blank(member.getValue())) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  /** Entries of both, each once: e-mails ignoring case, phones by their last nine digits. */
  private static ArrayNode union(ArrayNode mine, JsonNode theirs) {
    ArrayNode result = mine.deepCopy();
    Set<String> seen = new HashSet<>();
    mine.forEach(entry -> seen.add(key(entry)));
    for (JsonNode entry : theirs) {
      if (seen.add(key(entry))) {
        result.add(entry);
      }
    }
    return result;
  }

  private static String key(JsonNode entry) {
    JsonNode value = entry.get("value");
    if (value != null && value.isString()) {
      String text = value.asString();
      if (text.contains("@")) {
        return text.trim().toLowerCase(Locale.ROOT);
      }
      // the last nine digits, as duplicates are found: +49 151 2345 6789 is 0151 23456789
      String digits = text.replaceAll("\\D", "");
      return digits.length() > 9 ? digits.substring(digits.length() - 9) : digits;
    }
    return entry.toString();
  }

  /**
   * Moves every row pointing to the duplicate over to the kept record; returns the moved rows per
   * {@code table.column}.
   */
  private Map<String, Integer> relink(MergeKind kind, long keptId, long dupId, String dupName) {
    // What JPA holds must be in the database before plain SQL moves rows under it, and is stale
    // afterwards: flush now, clear after.
    entityManager.flush();
    Map<String, Integer> moved = new LinkedHashMap<>();
    List<Map<String, Object>> references =
        jdbc.queryForList(
            "SELECT TABLE_NAME AS t, COLUMN_NAME AS c FROM information_schema.KEY_COLUMN_USAGE"
                + " WHERE REFERENCED_TABLE_SCHEMA = DATABASE() AND REFERENCED_TABLE_NAME = ?"
                + " AND REFERENCED_COLUMN_NAME = 'id' ORDER BY TABLE_NAME, COLUMN_NAME",
            kind.table());
    for (Map<String, Object> reference : references) {
      String table = (String) reference.get("t");
      String column = (String) reference.get("c");
      if (kind.ownTables().contains(table)) {
        continue; // merged by the update above, deleted with the duplicate
      }
      // Names come from the schema, never from a request. IGNORE leaves a row whose move would
      // repeat a link the kept record already has (a unique key); it is then deleted.
      int count =
          jdbc.update(
              "UPDATE IGNORE " + table + " SET " + column + " = ? WHERE " + column + " = ?",
              keptId,
              dupId);
      jdbc.update("DELETE FROM " + table + " WHERE " + column + " = ?", dupId);
      if (count > 0) {
        moved.merge(table + "." + column, count, Integer::sum);
      }
    }
    List<String> itemTables =
        jdbc.queryForList(
            "SELECT TABLE_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()"
                + " AND COLUMN_NAME IN ('item_type', 'item_id') GROUP BY TABLE_NAME"
                + " HAVING COUNT(*) = 2 ORDER BY TABLE_NAME",
            String.class);
    for (String table : itemTables) {
      int count =
          jdbc.update(
              "UPDATE IGNORE " + table + " SET item_id = ? WHERE item_type = ? AND item_id = ?",
              keptId,
              kind.itemType(),
              dupId);
      jdbc.update(
          "DELETE FROM " + table + " WHERE item_type = ? AND item_id = ?", kind.itemType(), dupId);
      if (count > 0) {
        moved.merge(table + ".item_id", count, Integer::sum);
      }
    }
    // The duplicate's history stays readable on the kept record; its import bookkeeping goes,
    // so that reverting an import never deletes or rewinds the record it was merged into.
    int history =
        jdbc.update(
            "UPDATE crm_field_change SET entity_id = ? WHERE entity_type = ? AND entity_id = ?",
            keptId,
            kind.itemType(),
            dupId);
    if (history > 0) {
      moved.put("crm_field_change.entity_id", history);
    }
    jdbc.update(
        "DELETE FROM crm_import_item WHERE entity_type = ? AND entity_id = ?",
        kind.itemType(),
        dupId);
    jdbc.update(
        "INSERT INTO crm_field_change (entity_type, entity_id, field, old_value, new_value,"
            + " changed_by, changed_at) VALUES (?, ?, 'mergedFrom', NULL, ?, ?, ?)",
        kind.itemType(),
        keptId,
        kind.entity().label() + " " + dupId + " " + (dupName == null ? "" : dupName).strip(),
        caller.userId(),
        Timestamp.from(Instant.now()));
    entityManager.clear();
    return moved;
  }
}
