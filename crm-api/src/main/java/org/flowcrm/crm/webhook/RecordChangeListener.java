package org.flowcrm.crm.webhook;

import jakarta.persistence.EntityManagerFactory;
import java.util.Map;
import java.util.Set;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.AbstractCollectionEvent;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostCollectionRecreateEvent;
import org.hibernate.event.spi.PostCollectionRecreateEventListener;
import org.hibernate.event.spi.PostCollectionUpdateEvent;
import org.hibernate.event.spi.PostCollectionUpdateEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.persister.entity.EntityPersister;
import org.springframework.stereotype.Component;

/**
 * Announces created and updated leads, contacts, companies and deals from Hibernate's flush, which
 * every change of these records goes through (forms, API, imports, workers), inside the change's
 * transaction. Like the change history it needs no cooperation from the feature services.
 *
 * <p>An update counts when a field a person would notice changed; bookkeeping the process engine or
 * search maintain (process step, search text, version, timestamps) does not.
 */
@Component
class RecordChangeListener
    implements PostInsertEventListener,
        PostUpdateEventListener,
        PostCollectionUpdateEventListener,
        PostCollectionRecreateEventListener {

  private record Tracked(WebhookEvent created, WebhookEvent updated) {}

  private static final Map<String, Tracked> TRACKED =
      Map.of(
          "org.flowcrm.crm.lead.Lead",
          new Tracked(WebhookEvent.LEAD_CREATED, WebhookEvent.LEAD_UPDATED),
          "org.flowcrm.crm.contact.Contact",
          new Tracked(WebhookEvent.CONTACT_CREATED, WebhookEvent.CONTACT_UPDATED),
          "org.flowcrm.crm.company.Company",
          new Tracked(WebhookEvent.COMPANY_CREATED, WebhookEvent.COMPANY_UPDATED),
          "org.flowcrm.crm.deal.Deal",
          new Tracked(WebhookEvent.DEAL_CREATED, WebhookEvent.DEAL_UPDATED));

  private static final Set<String> BOOKKEEPING =
      Set.of(
          "version",
          "updatedAt",
          "createdAt",
          "searchText",
          "processInstanceKey",
          "processId",
          "processElementId",
          "processElementName",
          "processElementSince",
          "stageHistory");

  private final WebhookOutbox outbox;

  RecordChangeListener(EntityManagerFactory entityManagerFactory, WebhookOutbox outbox) {
    this.outbox = outbox;
    EventListenerRegistry registry =
        entityManagerFactory
            .unwrap(SessionFactoryImplementor.class)
            .getServiceRegistry()
            .requireService(EventListenerRegistry.class);
    registry.appendListeners(EventType.POST_INSERT, this);
    registry.appendListeners(EventType.POST_UPDATE, this);
    registry.appendListeners(EventType.POST_COLLECTION_UPDATE, this);
    registry.appendListeners(EventType.POST_COLLECTION_RECREATE, this);
  }

  @Override
  public void onPostInsert(PostInsertEvent event) {
    Tracked tracked = TRACKED.get(event.getPersister().getEntityName());
    if (tracked != null && event.getId() instanceof Long id) {
      outbox.record(tracked.created(), id, null);
    }
  }

  @Override
  public void onPostUpdate(PostUpdateEvent event) {
    Tracked tracked = TRACKED.get(event.getPersister().getEntityName());
    int[] dirty = event.getDirtyProperties();
    if (tracked == null || dirty == null || !(event.getId() instanceof Long id)) {
      return;
    }
    String[] names = event.getPersister().getPropertyNames();
    for (int index : dirty) {
      if (!BOOKKEEPING.contains(names[index])) {
        outbox.record(tracked.updated(), id, null);
        return;
      }
    }
  }

  @Override
  public void onPostUpdateCollection(PostCollectionUpdateEvent event) {
    collectionChanged(event);
  }

  @Override
  public void onPostRecreateCollection(PostCollectionRecreateEvent event) {
    collectionChanged(event);
  }

  private void collectionChanged(AbstractCollectionEvent event) {
    Tracked tracked = TRACKED.get(event.getAffectedOwnerEntityName());
    String role = event.getCollection().getRole();
    String property = role == null ? "" : role.substring(role.lastIndexOf('.') + 1);
    if (tracked != null
        && !BOOKKEEPING.contains(property)
        && event.getAffectedOwnerIdOrNull() instanceof Long id) {
      // a new record's collections are written right after it: "created" already covers them
      outbox.record(tracked.updated(), id, null);
    }
  }

  @Override
  public boolean requiresPostCommitHandling(EntityPersister persister) {
    return false;
  }
}
