package org.flowcrm.engine.processing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.flowcrm.engine.api.ProcessDefinition;
import org.flowcrm.engine.api.SearchQuery;
import org.flowcrm.engine.api.SearchResult;
import org.flowcrm.engine.state.DeployedProcess;
import org.flowcrm.engine.state.EngineState;

/** Filters, sorts and pages the deployed process versions (all are held in memory). */
final class ProcessDefinitionSearch {

  private static final Set<String> FILTERS =
      Set.of(
          "processDefinitionKey",
          "processDefinitionId",
          "name",
          "version",
          "versionTag",
          "resourceName",
          "tenantId",
          "isLatestVersion",
          "hasStartForm");

  private static final Map<String, Function<ProcessDefinition, Comparable<?>>> SORTS =
      Map.of(
          "processDefinitionKey", ProcessDefinition::key,
          "processDefinitionId", ProcessDefinition::bpmnProcessId,
          "name", ProcessDefinition::name,
          "version", ProcessDefinition::version,
          "versionTag", ProcessDefinition::versionTag,
          "resourceName", ProcessDefinition::resourceName,
          "tenantId", ProcessDefinition::tenantId);

  private ProcessDefinitionSearch() {}

  static SearchResult<ProcessDefinition> run(EngineState state, ModelInfo info, SearchQuery q) {
    Searches.check(q, "process definitions", FILTERS, SORTS.keySet());
    List<ProcessDefinition> matches = new ArrayList<>();
    for (DeployedProcess deployed : state.definitions()) {
      ProcessDefinition d = toApi(deployed, info);
      boolean latest = state.latest(d.bpmnProcessId()) == deployed;
      if (Searches.matches(q, "processDefinitionKey", d.key())
          && Searches.matches(q, "processDefinitionId", d.bpmnProcessId())
          && Searches.matches(q, "name", d.name())
          && Searches.matches(q, "version", d.version())
          && Searches.matches(q, "versionTag", d.versionTag())
          && Searches.matches(q, "resourceName", d.resourceName())
          && Searches.matches(q, "tenantId", d.tenantId())
          && Searches.matches(q, "isLatestVersion", latest)
          && Searches.matches(q, "hasStartForm", d.hasStartForm())) {
        matches.add(d);
      }
    }
    return Searches.page(matches, q, SORTS, ProcessDefinition::key);
  }

  static ProcessDefinition toApi(DeployedProcess deployed, ModelInfo info) {
    ModelInfo.Definition model = info.of(deployed);
    return new ProcessDefinition(
        deployed.key(),
        deployed.bpmnProcessId(),
        model.processName(),
        deployed.version(),
        model.versionTag(),
        deployed.resourceName(),
        deployed.tenantId(),
        model.hasStartForm());
  }
}
