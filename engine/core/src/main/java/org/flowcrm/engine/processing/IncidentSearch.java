package org.flowcrm.engine.processing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.flowcrm.engine.api.IncidentSummary;
import org.flowcrm.engine.api.SearchQuery;
import org.flowcrm.engine.api.SearchResult;
import org.flowcrm.engine.state.EngineState;
import org.flowcrm.engine.state.Incident;
import org.flowcrm.engine.state.ProcessInstance;

/**
 * Searches open incidents over the running instances (resolved incidents are not kept, so every
 * result is ACTIVE and a filter on another state matches nothing).
 */
final class IncidentSearch {

  static final String ACTIVE = "ACTIVE";

  private static final Set<String> FILTERS =
      Set.of(
          "incidentKey",
          "processInstanceKey",
          "processDefinitionKey",
          "processDefinitionId",
          "elementId",
          "elementInstanceKey",
          "errorType",
          "state",
          "tenantId",
          "jobKey");

  private static final Map<String, Function<IncidentSummary, Comparable<?>>> SORTS =
      Map.of(
          "incidentKey", s -> s.incident().key(),
          "processInstanceKey", s -> s.incident().processInstanceKey(),
          "processDefinitionKey", IncidentSummary::processDefinitionKey,
          "processDefinitionId", IncidentSummary::bpmnProcessId,
          "elementId", s -> s.incident().elementId(),
          "elementInstanceKey", s -> s.incident().elementInstanceKey(),
          "errorType", s -> s.incident().errorType(),
          "creationTime", s -> s.incident().creationTime(),
          "state", s -> ACTIVE,
          "tenantId", IncidentSummary::tenantId);

  private IncidentSearch() {}

  static SearchResult<IncidentSummary> run(EngineState state, SearchQuery q) {
    Searches.check(q, "incidents", FILTERS, SORTS.keySet());
    for (String field :
        List.of(
            "incidentKey",
            "processInstanceKey",
            "processDefinitionKey",
            "elementInstanceKey",
            "jobKey")) {
      Searches.keys(q, field);
    }
    List<IncidentSummary> matches = new ArrayList<>();
    if (Searches.matches(q, "state", ACTIVE)) {
      List<Long> byInstance = Searches.keys(q, "processInstanceKey");
      Iterable<ProcessInstance> instances =
          byInstance == null
              ? state.instances()
              : byInstance.stream().map(state::instance).filter(i -> i != null).toList();
      for (ProcessInstance instance : instances) {
        for (Incident i : instance.incidents.values()) {
          IncidentSummary s =
              new IncidentSummary(
                  new org.flowcrm.engine.api.Incident(
                      i.key,
                      i.processInstanceKey,
                      i.elementInstanceKey,
                      i.elementId,
                      i.errorType.name(),
                      i.errorMessage,
                      i.jobKey,
                      i.creationTime),
                  instance.processDefinitionKey,
                  instance.bpmnProcessId,
                  instance.tenantId);
          if (matches(q, s)) {
            matches.add(s);
          }
        }
      }
    }
    return Searches.page(matches, q, SORTS, s -> s.incident().key());
  }

  private static boolean matches(SearchQuery q, IncidentSummary s) {
    return Searches.matches(q, "incidentKey", s.incident().key())
        && Searches.matches(q, "processInstanceKey", s.incident().processInstanceKey())
        && Searches.matches(q, "processDefinitionKey", s.processDefinitionKey())
        && Searches.matches(q, "processDefinitionId", s.bpmnProcessId())
        && Searches.matches(q, "elementId", s.incident().elementId())
        && Searches.matches(q, "elementInstanceKey", s.incident().elementInstanceKey())
        && Searches.matches(q, "errorType", s.incident().errorType())
        && Searches.matches(q, "tenantId", s.tenantId())
        && Searches.matches(q, "jobKey", s.incident().jobKey() == 0 ? null : s.incident().jobKey());
  }
}
