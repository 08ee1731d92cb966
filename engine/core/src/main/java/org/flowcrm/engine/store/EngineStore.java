package org.flowcrm.engine.store;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where the engine keeps its state. The processing thread loads everything once at start and then
 * commits the changes of each batch of commands atomically: either all of a batch is stored or none
 * of it.
 */
public interface EngineStore extends AutoCloseable {

  Snapshot load();

  /** Stores a batch's changes in one transaction; throws when nothing was stored. */
  void commit(Changes changes);

  /** A finished process instance from the history, if it is there. */
  java.util.Optional<FinishedInstance> findFinished(long processInstanceKey);

  /**
   * Finished instances matching a process-instance search, in its order: the first {@code
   * query.limit()} of them and how many match in all.
   */
  FinishedPage searchFinished(FinishedQuery query);

  /**
   * A user task from the history table (finished tasks older than what the engine keeps in memory).
   */
  default java.util.Optional<byte[]> findUserTask(long userTaskKey) {
    return java.util.Optional.empty();
  }

  /** An ended element instance from the history, if it is there. */
  default java.util.Optional<FinishedElement> findFinishedElement(long elementInstanceKey) {
    return java.util.Optional.empty();
  }

  /**
   * Ended element instances matching an element-instance search, in its order: the first {@code
   * query.limit()} of them and how many match in all.
   */
  default FinishedElementPage searchFinishedElements(FinishedElementQuery query) {
    return new FinishedElementPage(List.of(), 0);
  }

  /**
   * How many element instances of a process version ended, per element id and end state (COMPLETED,
   * TERMINATED): elementId → state → count.
   */
  default Map<String, Map<String, Long>> countFinishedElements(long processDefinitionKey) {
    return Map.of();
  }

  @Override
  void close();

  /** An element instance that ended (COMPLETED or TERMINATED), as the history keeps it. */
  record FinishedElement(
      long key,
      long processInstanceKey,
      long processDefinitionKey,
      String bpmnProcessId,
      String elementId,
      String elementName,
      String type,
      String state,
      long startTime,
      long endTime,
      long incidentKey,
      long flowScopeKey,
      String tenantId) {}

  /**
   * Filters over ended element instances, each a column of the history table: null does not filter,
   * an empty list matches nothing. Sorted by {@code orderColumn} (ties by key, same direction).
   */
  record FinishedElementQuery(
      Map<FinishedElementColumn, List<Object>> filters,
      FinishedElementColumn order,
      boolean descending,
      int limit) {

    public boolean matches(FinishedElement e) {
      for (Map.Entry<FinishedElementColumn, List<Object>> f : filters.entrySet()) {
        Object value = f.getKey().of(e);
        if (f.getValue() == null) {
          continue;
        }
        boolean any = false;
        for (Object accepted : f.getValue()) {
          any |= String.valueOf(accepted).equals(String.valueOf(value));
        }
        if (!any) {
          return false;
        }
      }
      return true;
    }
  }

  /** The history table's columns that element-instance searches filter and sort by. */
  enum FinishedElementColumn {
    KEY("element_instance_key", FinishedElement::key),
    PROCESS_INSTANCE_KEY("process_instance_key", FinishedElement::processInstanceKey),
    DEFINITION_KEY("definition_key", FinishedElement::processDefinitionKey),
    BPMN_PROCESS_ID("bpmn_process_id", FinishedElement::bpmnProcessId),
    ELEMENT_ID("element_id", FinishedElement::elementId),
    ELEMENT_NAME("element_name", FinishedElement::elementName),
    TYPE("element_type", FinishedElement::type),
    STATE("state", FinishedElement::state),
    START_TIME("start_time", FinishedElement::startTime),
    END_TIME("end_time", FinishedElement::endTime),
    INCIDENT_KEY("incident_key", FinishedElement::incidentKey),
    FLOW_SCOPE_KEY("flow_scope_key", FinishedElement::flowScopeKey),
    TENANT_ID("tenant_id", FinishedElement::tenantId);

    public final String column;
    private final java.util.function.Function<FinishedElement, Object> getter;

    FinishedElementColumn(
        String column, java.util.function.Function<FinishedElement, Object> getter) {
      this.column = column;
      this.getter = getter;
    }

    public Object of(FinishedElement e) {
      return getter.apply(e);
    }

    /** Text columns compare as binary strings, like the engine's in-memory comparators. */
    public boolean isText() {
      return switch (this) {
        case BPMN_PROCESS_ID, ELEMENT_ID, ELEMENT_NAME, TYPE, STATE, TENANT_ID -> true;
        default -> false;
      };
    }
  }

  /** A page of ended element instances and the number of all matches. */
  record FinishedElementPage(List<FinishedElement> items, long total) {}

  /** A user task as stored in {@code engine_user_task}: some columns for SQL, the rest as JSON. */
  record StoredUserTask(
      long key,
      long processInstanceKey,
      String elementId,
      String bpmnProcessId,
      String state,
      String assignee,
      long creationDate,
      long completionDate,
      byte[] json) {}

  /** A deployed form version as stored: its Camunda Forms JSON in {@code schema}. */
  record StoredForm(
      long key,
      String formId,
      int version,
      String resourceName,
      byte[] schema,
      String checksum,
      long deploymentKey,
      String tenantId,
      long deployTime) {}

  /** A deployed process version as stored. */
  record StoredDefinition(
      long key,
      String bpmnProcessId,
      int version,
      String resourceName,
      byte[] resource,
      String checksum,
      long deploymentKey,
      String tenantId,
      long deployTime) {}

  /**
   * Filters over finished instances: a null list does not filter, an empty one matches nothing.
   * Sorted by {@code order} (ties by key, in the same direction).
   */
  record FinishedQuery(
      List<Long> keys,
      List<String> bpmnProcessIds,
      List<Long> definitionKeys,
      List<Integer> versions,
      List<String> states,
      List<String> tenantIds,
      FinishedOrder order,
      boolean descending,
      int limit) {

    public boolean matches(FinishedInstance f) {
      return (keys == null || keys.contains(f.key()))
          && (bpmnProcessIds == null || bpmnProcessIds.contains(f.bpmnProcessId()))
          && (definitionKeys == null || definitionKeys.contains(f.processDefinitionKey()))
          && (versions == null || versions.contains(f.version()))
          && (states == null || states.contains(f.state()))
          && (tenantIds == null || tenantIds.contains(f.tenantId()));
    }
  }

  /** What finished instances can be sorted by, with the history table's column for each. */
  enum FinishedOrder {
    KEY("instance_key"),
    BPMN_PROCESS_ID("bpmn_process_id"),
    DEFINITION_KEY("definition_key"),
    VERSION("version"),
    START_TIME("start_time"),
    END_TIME("end_time"),
    STATE("state"),
    TENANT_ID("tenant_id");

    public final String column;

    FinishedOrder(String column) {
      this.column = column;
    }
  }

  /** A page of finished instances (without their variables) and the number of all matches. */
  record FinishedPage(List<FinishedInstance> items, long total) {}

  /** A finished process instance, kept for queries. */
  record FinishedInstance(
      long key,
      long processDefinitionKey,
      String bpmnProcessId,
      int version,
      String tenantId,
      String state,
      long startTime,
      long endTime,
      byte[] variables,
      long parentProcessInstanceKey,
      long parentElementInstanceKey) {}

  /**
   * Everything stored: deployed processes, running instances (JSON) and the key high-water mark.
   */
  record Snapshot(
      List<StoredDefinition> definitions,
      List<byte[]> instances,
      long nextKey,
      List<byte[]> finishedUserTasks,
      List<byte[]> startTimers,
      List<byte[]> messages,
      List<StoredForm> forms) {

    public Snapshot(
        List<StoredDefinition> definitions,
        List<byte[]> instances,
        long nextKey,
        List<byte[]> finishedUserTasks,
        List<byte[]> startTimers,
        List<byte[]> messages) {
      this(definitions, instances, nextKey, finishedUserTasks, startTimers, messages, List.of());
    }

    public Snapshot(
        List<StoredDefinition> definitions,
        List<byte[]> instances,
        long nextKey,
        List<byte[]> finishedUserTasks,
        List<byte[]> startTimers) {
      this(definitions, instances, nextKey, finishedUserTasks, startTimers, List.of(), List.of());
    }

    public Snapshot(List<StoredDefinition> definitions, List<byte[]> instances, long nextKey) {
      this(definitions, instances, nextKey, List.of(), List.of(), List.of(), List.of());
    }

    public Snapshot(
        List<StoredDefinition> definitions,
        List<byte[]> instances,
        long nextKey,
        List<byte[]> finishedUserTasks) {
      this(definitions, instances, nextKey, finishedUserTasks, List.of(), List.of(), List.of());
    }
  }

  /** What one batch changed. */
  record Changes(
      List<StoredDefinition> newDefinitions,
      Map<Long, byte[]> upsertedInstances,
      Set<Long> deletedInstances,
      List<FinishedInstance> finishedInstances,
      long nextKey,
      List<StoredUserTask> userTasks,
      Map<Long, byte[]> upsertedStartTimers,
      Set<Long> deletedStartTimers,
      Map<Long, byte[]> upsertedMessages,
      Set<Long> deletedMessages,
      List<StoredForm> newForms,
      List<FinishedElement> finishedElements) {

    public Changes(
        List<StoredDefinition> newDefinitions,
        Map<Long, byte[]> upsertedInstances,
        Set<Long> deletedInstances,
        List<FinishedInstance> finishedInstances,
        long nextKey,
        List<StoredUserTask> userTasks,
        Map<Long, byte[]> upsertedStartTimers,
        Set<Long> deletedStartTimers,
        Map<Long, byte[]> upsertedMessages,
        Set<Long> deletedMessages,
        List<StoredForm> newForms) {
      this(
          newDefinitions,
          upsertedInstances,
          deletedInstances,
          finishedInstances,
          nextKey,
          userTasks,
          upsertedStartTimers,
          deletedStartTimers,
          upsertedMessages,
          deletedMessages,
          newForms,
          List.of());
    }

    public Changes(
        List<StoredDefinition> newDefinitions,
        Map<Long, byte[]> upsertedInstances,
        Set<Long> deletedInstances,
        List<FinishedInstance> finishedInstances,
        long nextKey,
        List<StoredUserTask> userTasks,
        Map<Long, byte[]> upsertedStartTimers,
        Set<Long> deletedStartTimers,
        Map<Long, byte[]> upsertedMessages,
        Set<Long> deletedMessages) {
      this(
          newDefinitions,
          upsertedInstances,
          deletedInstances,
          finishedInstances,
          nextKey,
          userTasks,
          upsertedStartTimers,
          deletedStartTimers,
          upsertedMessages,
          deletedMessages,
          List.of());
    }

    public Changes(
        List<StoredDefinition> newDefinitions,
        Map<Long, byte[]> upsertedInstances,
        Set<Long> deletedInstances,
        List<FinishedInstance> finishedInstances,
        long nextKey,
        List<StoredUserTask> userTasks,
        Map<Long, byte[]> upsertedStartTimers,
        Set<Long> deletedStartTimers) {
      this(
          newDefinitions,
          upsertedInstances,
          deletedInstances,
          finishedInstances,
          nextKey,
          userTasks,
          upsertedStartTimers,
          deletedStartTimers,
          Map.of(),
          Set.of());
    }

    public Changes(
        List<StoredDefinition> newDefinitions,
        Map<Long, byte[]> upsertedInstances,
        Set<Long> deletedInstances,
        List<FinishedInstance> finishedInstances,
        long nextKey,
        List<StoredUserTask> userTasks) {
      this(
          newDefinitions,
          upsertedInstances,
          deletedInstances,
          finishedInstances,
          nextKey,
          userTasks,
          Map.of(),
          Set.of());
    }

    public Changes(
        List<StoredDefinition> newDefinitions,
        Map<Long, byte[]> upsertedInstances,
        Set<Long> deletedInstances,
        List<FinishedInstance> finishedInstances,
        long nextKey) {
      this(
          newDefinitions,
          upsertedInstances,
          deletedInstances,
          finishedInstances,
          nextKey,
          List.of(),
          Map.of(),
          Set.of());
    }

    public boolean isEmpty() {
      return newForms.isEmpty()
          && finishedElements.isEmpty()
          && upsertedMessages.isEmpty()
          && deletedMessages.isEmpty()
          && userTasks.isEmpty()
          && upsertedStartTimers.isEmpty()
          && deletedStartTimers.isEmpty()
          && newDefinitions.isEmpty()
          && upsertedInstances.isEmpty()
          && deletedInstances.isEmpty()
          && finishedInstances.isEmpty();
    }
  }
}
