package org.flowcrm.engine.processing;

import java.util.ArrayList;
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

/**
 * Searches the element instances of running process instances: the elements they are at right now.
 * The engine keeps no history of finished element instances, so every result is ACTIVE; the process
 * instance itself is not listed (it is a process instance, not an element of one).
 */
final class ElementInstanceSearch {

  static final String ACTIVE = "ACTIVE";

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
          Map.entry("endDate", s -> s.endTime() == 0 ? null : s.endTime()),
          Map.entry("elementId", ElementInstanceSummary::elementId),
          Map.entry("elementName", ElementInstanceSummary::elementName),
          Map.entry("type", ElementInstanceSummary::type),
          Map.entry("state", ElementInstanceSummary::state),
          Map.entry("incidentKey", s -> s.incidentKey() == 0 ? null : s.incidentKey()),
          Map.entry("tenantId", ElementInstanceSummary::tenantId));

  private ElementInstanceSearch() {}

  static SearchResult<ElementInstanceSummary> run(
      EngineState state, ModelInfo info, SearchQuery q) {
    Searches.check(q, "element instances", FILTERS, SORTS.keySet());
    List<Long> byInstance = Searches.keys(q, "processInstanceKey");
    List<ElementInstanceSummary> matches = new ArrayList<>();
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
    return Searches.page(matches, q, SORTS, ElementInstanceSummary::key);
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
        model == null ? "UNKNOWN" : model.type(element.elementId),
        ACTIVE,
        element.startTime == 0 ? instance.startTime : element.startTime,
        0,
        incidentKey,
        element.flowScopeKey,
        instance.tenantId);
  }
}
