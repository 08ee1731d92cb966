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

  @Override
  void close();

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
      byte[] variables) {}

  /**
   * Everything stored: deployed processes, running instances (JSON) and the key high-water mark.
   */
  record Snapshot(List<StoredDefinition> definitions, List<byte[]> instances, long nextKey) {}

  /** What one batch changed. */
  record Changes(
      List<StoredDefinition> newDefinitions,
      Map<Long, byte[]> upsertedInstances,
      Set<Long> deletedInstances,
      List<FinishedInstance> finishedInstances,
      long nextKey) {

    public boolean isEmpty() {
      return newDefinitions.isEmpty()
          && upsertedInstances.isEmpty()
          && deletedInstances.isEmpty()
          && finishedInstances.isEmpty();
    }
  }
}
