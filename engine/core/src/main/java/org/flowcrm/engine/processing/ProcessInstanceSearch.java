package org.flowcrm.engine.processing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.flowcrm.engine.api.ProcessInstanceSnapshot;
import org.flowcrm.engine.api.ProcessInstanceSummary;
import org.flowcrm.engine.api.SearchQuery;
import org.flowcrm.engine.api.SearchResult;
import org.flowcrm.engine.state.DeployedProcess;
import org.flowcrm.engine.state.EngineState;
import org.flowcrm.engine.state.ProcessInstance;
import org.flowcrm.engine.store.EngineStore;

/**
 * Searches process instances in two places: running ones in the engine's state (on the processing
 * thread) and finished ones in the store's history (SQL, on the caller's thread). Both are sorted
 * the same way, so the page is cut from the merge of all running matches and the first {@code from
 * + limit} finished ones.
 */
final class ProcessInstanceSearch {

  private static final Set<String> FILTERS =
      Set.of(
          "processInstanceKey",
          "processDefinitionId",
          "processDefinitionKey",
          "processDefinitionVersion",
          "state",
          "tenantId",
          "hasIncident",
          "parentProcessInstanceKey");

  private static final Map<String, Function<ProcessInstanceSummary, Comparable<?>>> SORTS =
      Map.of(
          "processInstanceKey", ProcessInstanceSummary::key,
          "processDefinitionId", ProcessInstanceSummary::bpmnProcessId,
          "processDefinitionKey", ProcessInstanceSummary::processDefinitionKey,
          "processDefinitionVersion", ProcessInstanceSummary::version,
          "startDate", ProcessInstanceSummary::startTime,
          // running instances have no end date: last when ascending, as missing values sort
          "endDate", s -> s.endTime() == 0 ? null : s.endTime(),
          "state", ProcessInstanceSummary::state,
          "tenantId", ProcessInstanceSummary::tenantId);

  private static final Map<String, EngineStore.FinishedOrder> FINISHED_ORDER =
      Map.of(
          "processInstanceKey", EngineStore.FinishedOrder.KEY,
          "processDefinitionId", EngineStore.FinishedOrder.BPMN_PROCESS_ID,
          "processDefinitionKey", EngineStore.FinishedOrder.DEFINITION_KEY,
          "processDefinitionVersion", EngineStore.FinishedOrder.VERSION,
          "startDate", EngineStore.FinishedOrder.START_TIME,
          "endDate", EngineStore.FinishedOrder.END_TIME,
          "state", EngineStore.FinishedOrder.STATE,
          "tenantId", EngineStore.FinishedOrder.TENANT_ID);

  /** Running matches and the descriptive data of every process version, read together. */
  record Running(List<ProcessInstanceSummary> matches, Map<Long, ModelInfo.Definition> models) {}

  private ProcessInstanceSearch() {}

  /** On the processing thread: validates the query and filters the running instances. */
  static Running running(EngineState state, ModelInfo info, SearchQuery q) {
    Searches.check(q, "process instances", FILTERS, SORTS.keySet());
    Searches.keys(q, "processInstanceKey");
    Searches.keys(q, "processDefinitionKey");
    Map<Long, ModelInfo.Definition> models = new HashMap<>();
    for (DeployedProcess deployed : state.definitions()) {
      models.put(deployed.key(), info.of(deployed));
    }
    List<ProcessInstanceSummary> matches = new ArrayList<>();
    if (Searches.matches(q, "state", ProcessInstanceSnapshot.ACTIVE)) {
      for (ProcessInstance i : state.instances()) {
        ModelInfo.Definition model = models.get(i.processDefinitionKey);
        ProcessInstanceSummary s =
            new ProcessInstanceSummary(
                i.key,
                i.processDefinitionKey,
                i.bpmnProcessId,
                model == null ? null : model.processName(),
                i.version,
                model == null ? null : model.versionTag(),
                i.tenantId,
                ProcessInstanceSnapshot.ACTIVE,
                i.startTime,
                0,
                !i.incidents.isEmpty(),
                0,
                0);
        if (matches(q, s)) {
          matches.add(s);
        }
      }
    }
    return new Running(matches, models);
  }

  private static boolean matches(SearchQuery q, ProcessInstanceSummary s) {
    return Searches.matches(q, "processInstanceKey", s.key())
        && Searches.matches(q, "processDefinitionId", s.bpmnProcessId())
        && Searches.matches(q, "processDefinitionKey", s.processDefinitionKey())
        && Searches.matches(q, "processDefinitionVersion", s.version())
        && Searches.matches(q, "tenantId", s.tenantId())
        && Searches.matches(q, "hasIncident", s.hasIncident())
        // no instance of this engine has a parent yet (call activities are not executed)
        && Searches.matches(
            q,
            "parentProcessInstanceKey",
            s.parentProcessInstanceKey() == 0 ? null : s.parentProcessInstanceKey());
  }

  /** On the caller's thread: adds the finished matches from the store and cuts the page. */
  static SearchResult<ProcessInstanceSummary> complete(
      Running running, EngineStore store, SearchQuery q) {
    boolean finishedCanMatch =
        Searches.matches(q, "hasIncident", false) && q.values("parentProcessInstanceKey") == null;
    List<String> states = q.values("state");
    EngineStore.FinishedPage finished =
        finishedCanMatch
            ? store.searchFinished(
                new EngineStore.FinishedQuery(
                    Searches.keys(q, "processInstanceKey"),
                    q.values("processDefinitionId"),
                    Searches.keys(q, "processDefinitionKey"),
                    versions(q.values("processDefinitionVersion")),
                    states,
                    q.values("tenantId"),
                    q.sortField() == null
                        ? EngineStore.FinishedOrder.KEY
                        : FINISHED_ORDER.get(q.sortField()),
                    q.descending(),
                    (int) Math.min(Integer.MAX_VALUE, (long) q.from() + q.limit())))
            : new EngineStore.FinishedPage(List.of(), 0);
    // An instance that finished between the two reads is in both: the history wins.
    Map<Long, ProcessInstanceSummary> merged = new LinkedHashMap<>();
    for (ProcessInstanceSummary s : running.matches()) {
      merged.put(s.key(), s);
    }
    int duplicates = 0;
    for (EngineStore.FinishedInstance f : finished.items()) {
      ModelInfo.Definition model = running.models().get(f.processDefinitionKey());
      ProcessInstanceSummary s =
          new ProcessInstanceSummary(
              f.key(),
              f.processDefinitionKey(),
              f.bpmnProcessId(),
              model == null ? null : model.processName(),
              f.version(),
              model == null ? null : model.versionTag(),
              f.tenantId(),
              f.state(),
              f.startTime(),
              f.endTime(),
              false,
              0,
              0);
      if (merged.put(s.key(), s) != null) {
        duplicates++;
      }
    }
    List<ProcessInstanceSummary> all = new ArrayList<>(merged.values());
    Comparator<ProcessInstanceSummary> order =
        Searches.comparator(q, SORTS, ProcessInstanceSummary::key);
    all.sort(order);
    int from = Math.min(q.from(), all.size());
    int to = (int) Math.min((long) from + q.limit(), all.size());
    return new SearchResult<>(
        List.copyOf(all.subList(from, to)),
        running.matches().size() + finished.total() - duplicates);
  }

  private static List<Integer> versions(List<String> values) {
    if (values == null) {
      return null;
    }
    List<Integer> versions = new ArrayList<>();
    for (String v : values) {
      try {
        versions.add(Integer.parseInt(v));
      } catch (NumberFormatException e) {
        throw new org.flowcrm.engine.api.EngineException(
            org.flowcrm.engine.api.Rejection.INVALID_ARGUMENT,
            "The provided processDefinitionVersion '" + v + "' is not a number.");
      }
    }
    return versions;
  }
}
