package org.flowcrm.engine.processing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.flowcrm.engine.api.ElementInstanceSummary;
import org.flowcrm.engine.api.SearchQuery;
import org.flowcrm.engine.api.SearchResult;
import org.flowcrm.engine.state.DeployedProcess;
import org.flowcrm.engine.state.ElementInstance;
import org.flowcrm.engine.state.EngineState;
import org.flowcrm.engine.state.Incident;
import org.flowcrm.engine.state.ProcessInstance;
import org.flowcrm.engine.store.EngineStore;

/**
 * Searches element instances in two places, like process instances: the active ones in the engine's
 * state (on the processing thread) and the ended ones (COMPLETED, TERMINATED) in the store's
 * history (SQL, on the caller's thread). Both are sorted the same way, so the page is cut from the
 * merge of all active matches and the first {@code from + limit} ended ones. The process instance
 * itself is not listed (it is a process instance, not an element of one).
 */
final class ElementInstanceSearch {

  static final String ACTIVE = "ACTIVE";

  /** Camunda's type of the element instance that holds a multi-instance activity's inner ones. */
  static final String MULTI_INSTANCE_BODY = "MULTI_INSTANCE_BODY";

  private static final Map<String, EngineStore.FinishedElementColumn> COLUMNS =
      Map.ofEntries(
          Map.entry("elementInstanceKey", EngineStore.FinishedElementColumn.KEY),
          Map.entry("processInstanceKey", EngineStore.FinishedElementColumn.PROCESS_INSTANCE_KEY),
          Map.entry("processDefinitionKey", EngineStore.FinishedElementColumn.DEFINITION_KEY),
          Map.entry("processDefinitionId", EngineStore.FinishedElementColumn.BPMN_PROCESS_ID),
          Map.entry("elementId", EngineStore.FinishedElementColumn.ELEMENT_ID),
          Map.entry("elementName", EngineStore.FinishedElementColumn.ELEMENT_NAME),
          Map.entry("type", EngineStore.FinishedElementColumn.TYPE),
          Map.entry("state", EngineStore.FinishedElementColumn.STATE),
          Map.entry("incidentKey", EngineStore.FinishedElementColumn.INCIDENT_KEY),
          Map.entry("tenantId", EngineStore.FinishedElementColumn.TENANT_ID),
          Map.entry("elementInstanceScopeKey", EngineStore.FinishedElementColumn.FLOW_SCOPE_KEY),
          Map.entry("startDate", EngineStore.FinishedElementColumn.START_TIME),
          Map.entry("endDate", EngineStore.FinishedElementColumn.END_TIME));

  private static final Set<String> KEY_FILTERS =
      Set.of(
          "elementInstanceKey",
          "processInstanceKey",
          "processDefinitionKey",
          "incidentKey",
          "elementInstanceScopeKey");

  private static final Set<String> FILTERS =
      Set.of(
          "elementInstanceKey",
          "processInstanceKey",
          "processDefinitionKey",
          "processDefinitionId",
          "elementId",
          "elementName",
          "type",
          "state",
          "hasIncident",
          "incidentKey",
          "tenantId",
          "elementInstanceScopeKey");

  private static final Map<String, Function<ElementInstanceSummary, Comparable<?>>> SORTS =
      Map.ofEntries(
          Map.entry("elementInstanceKey", ElementInstanceSummary::key),
          Map.entry("processInstanceKey", ElementInstanceSummary::processInstanceKey),
          Map.entry("processDefinitionKey", ElementInstanceSummary::processDefinitionKey),
          Map.entry("processDefinitionId", ElementInstanceSummary::bpmnProcessId),
          Map.entry("startDate", ElementInstanceSummary::startTime),
          // active ones have no end date: last when ascending, as missing values sort
          Map.entry("endDate", s -> s.endTime() == 0 ? null : s.endTime()),
          Map.entry("elementId", ElementInstanceSummary::elementId),
          Map.entry("elementName", ElementInstanceSummary::elementName),
          Map.entry("type", ElementInstanceSummary::type),
          Map.entry("state", ElementInstanceSummary::state),
          Map.entry("incidentKey", s -> s.incidentKey() == 0 ? null : s.incidentKey()),
          Map.entry("tenantId", ElementInstanceSummary::tenantId));

  private ElementInstanceSearch() {}

  /** On the processing thread: validates the query and filters the active element instances. */
  static List<ElementInstanceSummary> running(EngineState state, ModelInfo info, SearchQuery q) {
    Searches.check(q, "element instances", FILTERS, SORTS.keySet());
    for (String field : KEY_FILTERS) {
      Searches.keys(q, field);
    }
    List<ElementInstanceSummary> matches = new ArrayList<>();
    if (!Searches.matches(q, "state", ACTIVE)) {
      return matches;
    }
    List<Long> byInstance = Searches.keys(q, "processInstanceKey");
    if (byInstance != null) {
      // the deal card's question: one instance, answered without scanning the others
      for (long key : byInstance) {
        ProcessInstance instance = state.instance(key);
        if (instance != null) {
          collect(state, info, instance, q, matches);
        }
      }
    } else {
      for (ProcessInstance instance : state.instances()) {
        collect(state, info, instance, q, matches);
      }
    }
    return matches;
  }

  /** On the caller's thread: adds the ended matches from the history and cuts the page. */
  static SearchResult<ElementInstanceSummary> complete(
      List<ElementInstanceSummary> running, EngineStore store, SearchQuery q) {
    boolean endedCanMatch =
        Searches.matches(q, "hasIncident", false)
            && (q.values("state") == null
                || q.values("state").contains("COMPLETED")
                || q.values("state").contains("TERMINATED"));
    EngineStore.FinishedElementPage ended = new EngineStore.FinishedElementPage(List.of(), 0);
    if (endedCanMatch) {
      Map<EngineStore.FinishedElementColumn, List<Object>> filters = new LinkedHashMap<>();
      for (Map.Entry<String, List<String>> f : q.filter().entrySet()) {
        if ("hasIncident".equals(f.getKey())) {
          continue;
        }
        List<Object> values = new ArrayList<>();
        if (KEY_FILTERS.contains(f.getKey())) {
          values.addAll(Searches.keys(q, f.getKey()));
        } else {
          values.addAll(f.getValue());
        }
        filters.put(COLUMNS.get(f.getKey()), values);
      }
      ended =
          store.searchFinishedElements(
              new EngineStore.FinishedElementQuery(
                  filters,
                  q.sortField() == null
                      ? EngineStore.FinishedElementColumn.KEY
                      : COLUMNS.get(q.sortField()),
                  q.descending(),
                  (int) Math.min(Integer.MAX_VALUE, (long) q.from() + q.limit())));
    }
    // An element instance that ended between the two reads is in both: the history wins.
    Map<Long, ElementInstanceSummary> merged = new LinkedHashMap<>();
    for (ElementInstanceSummary s : running) {
      merged.put(s.key(), s);
    }
    int duplicates = 0;
    for (EngineStore.FinishedElement e : ended.items()) {
      if (merged.put(e.key(), toApi(e)) != null) {
        duplicates++;
      }
    }
    List<ElementInstanceSummary> all = new ArrayList<>(merged.values());
    all.sort(Searches.comparator(q, SORTS, ElementInstanceSummary::key));
    int from = Math.min(q.from(), all.size());
    int to = (int) Math.min((long) from + q.limit(), all.size());
    return new SearchResult<>(
        List.copyOf(all.subList(from, to)), running.size() + ended.total() - duplicates);
  }

  /** An active element instance by key (not the process instance itself); null when unknown. */
  static ElementInstanceSummary find(EngineState state, ModelInfo info, long key) {
    ProcessInstance instance = state.instanceOfElement(key);
    if (instance == null || key == instance.key) {
      return null;
    }
    ElementInstance element = instance.elements.get(key);
    return element == null ? null : toApi(state, info, instance, element);
  }

  static ElementInstanceSummary toApi(EngineStore.FinishedElement e) {
    return new ElementInstanceSummary(
        e.key(),
        e.processInstanceKey(),
        e.processDefinitionKey(),
        e.bpmnProcessId(),
        e.elementId(),
        e.elementName(),
        e.type(),
        e.state(),
        e.startTime(),
        e.endTime(),
        e.incidentKey(),
        e.flowScopeKey(),
        e.tenantId());
  }

  /** Camunda's type name of an element instance: a multi-instance body is one of its own. */
  static String type(ModelInfo.Definition model, ElementInstance element) {
    if (element.multiInstanceItems != null && element.loopCounter == 0) {
      return MULTI_INSTANCE_BODY;
    }
    return model == null ? "UNKNOWN" : model.type(element.elementId);
  }

  private static void collect(
      EngineState state,
      ModelInfo info,
      ProcessInstance instance,
      SearchQuery q,
      List<ElementInstanceSummary> matches) {
    for (ElementInstance element : instance.elements.values()) {
      if (element.key == instance.key) {
        continue;
      }
      ElementInstanceSummary s = toApi(state, info, instance, element);
      if (matches(q, s)) {
        matches.add(s);
      }
    }
  }

  private static boolean matches(SearchQuery q, ElementInstanceSummary s) {
    return Searches.matches(q, "elementInstanceKey", s.key())
        && Searches.matches(q, "processInstanceKey", s.processInstanceKey())
        && Searches.matches(q, "processDefinitionKey", s.processDefinitionKey())
        && Searches.matches(q, "processDefinitionId", s.bpmnProcessId())
        && Searches.matches(q, "elementId", s.elementId())
        && Searches.matches(q, "elementName", s.elementName())
        && Searches.matches(q, "type", s.type())
        && Searches.matches(q, "state", s.state())
        && Searches.matches(q, "hasIncident", s.incidentKey() != 0)
        && Searches.matches(q, "incidentKey", s.incidentKey() == 0 ? null : s.incidentKey())
        && Searches.matches(q, "tenantId", s.tenantId())
        && Searches.matches(q, "elementInstanceScopeKey", s.flowScopeKey());
  }

  private static ElementInstanceSummary toApi(
      EngineState state, ModelInfo info, ProcessInstance instance, ElementInstance element) {
    DeployedProcess deployed = state.definition(instance.processDefinitionKey);
    ModelInfo.Definition model = deployed == null ? null : info.of(deployed);
    long incidentKey = 0;
    for (Incident incident : instance.incidents.values()) {
      if (incident.elementInstanceKey == element.key) {
        incidentKey = incident.key;
        break;
      }
    }
    return new ElementInstanceSummary(
        element.key,
        instance.key,
        instance.processDefinitionKey,
        instance.bpmnProcessId,
        element.elementId,
        model == null
            ? element.elementId
            : model.elementNames().getOrDefault(element.elementId, element.elementId),
        type(model, element),
        ACTIVE,
        element.startTime == 0 ? instance.startTime : element.startTime,
        0,
        incidentKey,
        element.flowScopeKey,
        instance.tenantId);
  }
}
