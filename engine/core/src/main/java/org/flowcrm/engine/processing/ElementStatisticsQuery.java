package org.flowcrm.engine.processing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.flowcrm.engine.api.ElementStatistics;
import org.flowcrm.engine.state.ElementInstance;
import org.flowcrm.engine.state.EngineState;
import org.flowcrm.engine.state.Incident;
import org.flowcrm.engine.state.ProcessInstance;
import org.flowcrm.engine.store.EngineStore;

/**
 * Per-element counts of one process version: active and incident counts from the running instances
 * (processing thread), completed and canceled counts from the element-instance history (SQL, one
 * GROUP BY on the caller's thread). Multi-instance bodies are not counted, their inner instances
 * are; the process itself is not an element.
 */
final class ElementStatisticsQuery {

  private ElementStatisticsQuery() {}

  /** Active element instances per element id: {without incident, with an open incident}. */
  static Map<String, long[]> running(EngineState state, long processDefinitionKey) {
    Map<String, long[]> counts = new TreeMap<>();
    for (ProcessInstance instance : state.instances()) {
      if (instance.processDefinitionKey != processDefinitionKey) {
        continue;
      }
      java.util.Set<Long> withIncident = new java.util.HashSet<>();
      for (Incident incident : instance.incidents.values()) {
        withIncident.add(incident.elementInstanceKey);
      }
      for (ElementInstance element : instance.elements.values()) {
        if (element.key == instance.key
            || (element.multiInstanceItems != null && element.loopCounter == 0)) {
          continue;
        }
        long[] c = counts.computeIfAbsent(element.elementId, k -> new long[2]);
        c[withIncident.contains(element.key) ? 1 : 0]++;
      }
    }
    return counts;
  }

  static List<ElementStatistics> complete(
      Map<String, long[]> running, EngineStore store, long processDefinitionKey) {
    Map<String, Map<String, Long>> ended = store.countFinishedElements(processDefinitionKey);
    TreeMap<String, ElementStatistics> all = new TreeMap<>();
    for (Map.Entry<String, long[]> r : running.entrySet()) {
      all.put(
          r.getKey(), new ElementStatistics(r.getKey(), r.getValue()[0], 0, r.getValue()[1], 0));
    }
    for (Map.Entry<String, Map<String, Long>> e : ended.entrySet()) {
      ElementStatistics s =
          all.getOrDefault(e.getKey(), new ElementStatistics(e.getKey(), 0, 0, 0, 0));
      all.put(
          e.getKey(),
          new ElementStatistics(
              e.getKey(),
              s.active(),
              e.getValue().getOrDefault("TERMINATED", 0L),
              s.incidents(),
              e.getValue().getOrDefault("COMPLETED", 0L)));
    }
    return new ArrayList<>(all.values());
  }
}
