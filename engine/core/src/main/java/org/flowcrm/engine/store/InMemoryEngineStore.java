package org.flowcrm.engine.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the serialised state in memory: fast tests that still exercise the same snapshot format as
 * the database, and that can "restart" an engine on the same store.
 */
public final class InMemoryEngineStore implements EngineStore {

  private final List<StoredDefinition> definitions = new ArrayList<>();
  private final List<StoredForm> forms = new ArrayList<>();
  private final Map<Long, byte[]> instances = new LinkedHashMap<>();
  private final Map<Long, FinishedInstance> finished = new LinkedHashMap<>();
  private final Map<Long, StoredUserTask> userTasks = new LinkedHashMap<>();
  private final Map<Long, byte[]> startTimers = new LinkedHashMap<>();
  private final Map<Long, byte[]> messages = new LinkedHashMap<>();
  private final Map<Long, FinishedElement> finishedElements = new LinkedHashMap<>();
  private long nextKey;

  @Override
  public synchronized Snapshot load() {
    List<byte[]> finishedTasks = new ArrayList<>();
    for (StoredUserTask task : userTasks.values()) {
      if (!"CREATED".equals(task.state())) {
        finishedTasks.add(task.json());
      }
    }
    return new Snapshot(
        List.copyOf(definitions),
        List.copyOf(instances.values()),
        nextKey,
        finishedTasks,
        List.copyOf(startTimers.values()),
        List.copyOf(messages.values()),
        List.copyOf(forms));
  }

  @Override
  public synchronized void commit(Changes changes) {
    definitions.addAll(changes.newDefinitions());
    forms.addAll(changes.newForms());
    instances.putAll(changes.upsertedInstances());
    changes.deletedInstances().forEach(instances::remove);
    changes.finishedInstances().forEach(f -> finished.put(f.key(), f));
    nextKey = Math.max(nextKey, changes.nextKey());
    changes.userTasks().forEach(t -> userTasks.put(t.key(), t));
    startTimers.putAll(changes.upsertedStartTimers());
    changes.deletedStartTimers().forEach(startTimers::remove);
    messages.putAll(changes.upsertedMessages());
    changes.deletedMessages().forEach(messages::remove);
    changes.finishedElements().forEach(e -> finishedElements.put(e.key(), e));
  }

  @Override
  public synchronized java.util.Optional<FinishedElement> findFinishedElement(long key) {
    return java.util.Optional.ofNullable(finishedElements.get(key));
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public synchronized FinishedElementPage searchFinishedElements(FinishedElementQuery query) {
    java.util.Comparator<FinishedElement> order =
        java.util.Comparator.comparing(e -> (Comparable) query.order().of(e));
    order = order.thenComparingLong(FinishedElement::key);
    if (query.descending()) {
      order = order.reversed();
    }
    List<FinishedElement> matches =
        finishedElements.values().stream().filter(query::matches).sorted(order).toList();
    return new FinishedElementPage(
        matches.subList(0, Math.min(query.limit(), matches.size())), matches.size());
  }

  @Override
  public synchronized Map<String, Map<String, Long>> countFinishedElements(long definitionKey) {
    Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
    for (FinishedElement e : finishedElements.values()) {
      if (e.processDefinitionKey() == definitionKey && !"MULTI_INSTANCE_BODY".equals(e.type())) {
        counts
            .computeIfAbsent(e.elementId(), k -> new LinkedHashMap<>())
            .merge(e.state(), 1L, Long::sum);
      }
    }
    return counts;
  }

  @Override
  public synchronized java.util.Optional<byte[]> findUserTask(long userTaskKey) {
    return java.util.Optional.ofNullable(userTasks.get(userTaskKey)).map(StoredUserTask::json);
  }

  /** Finished instances, for tests. */
  public synchronized Map<Long, FinishedInstance> finishedInstances() {
    return Map.copyOf(finished);
  }

  @Override
  public synchronized java.util.Optional<FinishedInstance> findFinished(long processInstanceKey) {
    return java.util.Optional.ofNullable(finished.get(processInstanceKey));
  }

  @Override
  public synchronized FinishedPage searchFinished(FinishedQuery query) {
    java.util.Comparator<FinishedInstance> order =
        switch (query.order()) {
          case KEY -> java.util.Comparator.comparingLong(FinishedInstance::key);
          case BPMN_PROCESS_ID -> java.util.Comparator.comparing(FinishedInstance::bpmnProcessId);
          case DEFINITION_KEY ->
              java.util.Comparator.comparingLong(FinishedInstance::processDefinitionKey);
          case VERSION -> java.util.Comparator.comparingInt(FinishedInstance::version);
          case START_TIME -> java.util.Comparator.comparingLong(FinishedInstance::startTime);
          case END_TIME -> java.util.Comparator.comparingLong(FinishedInstance::endTime);
          case STATE -> java.util.Comparator.comparing(FinishedInstance::state);
          case TENANT_ID -> java.util.Comparator.comparing(FinishedInstance::tenantId);
        };
    order = order.thenComparingLong(FinishedInstance::key);
    if (query.descending()) {
      order = order.reversed();
    }
    List<FinishedInstance> matches =
        finished.values().stream().filter(query::matches).sorted(order).toList();
    return new FinishedPage(
        matches.subList(0, Math.min(query.limit(), matches.size())), matches.size());
  }

  @Override
  public void close() {}
}
