package org.flowcrm.crm.history;

import jakarta.persistence.EntityManagerFactory;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.flowcrm.crm.shared.Caller;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.event.spi.PreCollectionUpdateEvent;
import org.hibernate.event.spi.PreCollectionUpdateEventListener;
import org.hibernate.persister.entity.EntityPersister;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes a {@code crm_field_change} row for every field a flush changes on a tracked record, in the
 * flush's own transaction (a rolled-back change leaves no history). Plain fields come from the
 * update's old and new state; value collections (phones, e-mails, product rows, contacts) from the
 * collection's snapshot before it is rewritten; custom fields one row per changed code.
 */
@Component
class FieldHistoryListener implements PostUpdateEventListener, PreCollectionUpdateEventListener {

  /** Tracked entities by class name, and the record type their history is stored under. */
  static final Map<String, String> TRACKED =
      Map.of(
          "org.flowcrm.crm.lead.Lead", "LEAD",
          "org.flowcrm.crm.contact.Contact", "CONTACT",
          "org.flowcrm.crm.company.Company", "COMPANY",
          "org.flowcrm.crm.deal.Deal", "DEAL",
          "org.flowcrm.crm.product.Product", "PRODUCT");

  /** Bookkeeping, derived or recorded elsewhere (stage history, process steps on the timeline). */
  private static final Set<String> IGNORED =
      Set.of(
          "version",
          "createdAt",
          "updatedAt",
          "searchText",
          "closedAt",
          "convertedAt",
          "processInstanceKey",
          "processId",
          "processElementId",
          "processElementName",
          "processElementSince",
          "stageHistory");

  private static final String CUSTOM_FIELDS = "customFields";

  private final JdbcTemplate jdbc;
  private final Caller caller;

  FieldHistoryListener(
      EntityManagerFactory entityManagerFactory, JdbcTemplate jdbc, Caller caller) {
    this.jdbc = jdbc;
    this.caller = caller;
    EventListenerRegistry registry =
        entityManagerFactory
            .unwrap(SessionFactoryImplementor.class)
            .getServiceRegistry()
            .requireService(EventListenerRegistry.class);
    registry.appendListeners(EventType.POST_UPDATE, this);
    registry.appendListeners(EventType.PRE_COLLECTION_UPDATE, this);
  }

  private record Change(String field, String oldValue, String newValue) {}

  @Override
  public void onPostUpdate(PostUpdateEvent event) {
    String type = TRACKED.get(event.getPersister().getEntityName());
    Object[] oldState = event.getOldState();
    if (type == null || oldState == null) {
      return;
    }
    Object[] state = event.getState();
    String[] names = event.getPersister().getPropertyNames();
    List<Change> changes = new ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      String name = names[i];
      if (IGNORED.contains(name) || event.getPersister().getPropertyTypes()[i].isCollectionType()) {
        continue;
      }
      if (name.equals(CUSTOM_FIELDS)) {
        customFieldChanges(oldState[i], state[i], changes);
        continue;
      }
      String before = HistoryFormat.describe(oldState[i]);
      String after = HistoryFormat.describe(state[i]);
      if (!Objects.equals(before, after)) {
        changes.add(new Change(name, before, after));
      }
    }
    write(type, event.getId(), changes);
  }

  @Override
  public void onPreUpdateCollection(PreCollectionUpdateEvent event) {
    String type = TRACKED.get(event.getAffectedOwnerEntityName());
    String role = event.getCollection().getRole();
    String property = role.substring(role.lastIndexOf('.') + 1);
    if (type == null || IGNORED.contains(property)) {
      return;
    }
    Object snapshot = event.getCollection().getStoredSnapshot();
    Collection<?> before =
        snapshot instanceof Map<?, ?> map
            ? map.values()
            : snapshot instanceof Collection<?> c ? c : List.of();
    String old = HistoryFormat.describe(new ArrayList<>(before));
    String now =
        event.getCollection() instanceof Collection<?> current
            ? HistoryFormat.describe(new ArrayList<>(current))
            : null;
    if (!Objects.equals(old, now)) {
      write(type, event.getAffectedOwnerIdOrNull(), List.of(new Change(property, old, now)));
    }
  }

  @Override
  public boolean requiresPostCommitHandling(EntityPersister persister) {
    return false;
  }

  private static void customFieldChanges(Object before, Object after, List<Change> changes) {
    Map<?, ?> old = before instanceof Map<?, ?> m ? m : Map.of();
    Map<?, ?> now = after instanceof Map<?, ?> m ? m : Map.of();
    Set<Object> codes = new LinkedHashSet<>(old.keySet());
    codes.addAll(now.keySet());
    for (Object code : codes) {
      String was = HistoryFormat.describe(old.get(code));
      String is = HistoryFormat.describe(now.get(code));
      if (!Objects.equals(was, is)) {
        changes.add(new Change(CUSTOM_FIELDS + "." + code, was, is));
      }
    }
  }

  private void write(String type, Object id, List<Change> changes) {
    if (changes.isEmpty() || !(id instanceof Long entityId)) {
      return;
    }
    Long userId = caller.userId();
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.batchUpdate(
        "INSERT INTO crm_field_change (entity_type, entity_id, field, old_value, new_value,"
            + " changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        changes,
        changes.size(),
        (ps, change) -> {
          ps.setString(1, type);
          ps.setLong(2, entityId);
          ps.setString(3, change.field());
          ps.setString(4, change.oldValue());
          ps.setString(5, change.newValue());
          ps.setObject(6, userId);
          ps.setTimestamp(7, now);
        });
  }
}
