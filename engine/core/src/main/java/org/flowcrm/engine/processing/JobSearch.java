package org.flowcrm.engine.processing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.flowcrm.engine.api.JobSummary;
import org.flowcrm.engine.api.SearchQuery;
import org.flowcrm.engine.api.SearchResult;
import org.flowcrm.engine.state.EngineState;
import org.flowcrm.engine.state.Job;
import org.flowcrm.engine.state.ProcessInstance;

/**
 * Searches the open jobs of running process instances. Completed and cancelled jobs leave the state
 * with their element, so they are not found. States are Camunda's: a job that can be or is being
 * worked on is CREATED, one that failed is FAILED, one whose BPMN error found no catch is
 * ERROR_THROWN.
 */
final class JobSearch {

  private static final Set<String> FILTERS =
      Set.of(
          "jobKey",
          "type",
          "state",
          "processInstanceKey",
          "processDefinitionKey",
          "processDefinitionId",
          "elementId",
          "elementInstanceKey",
          "worker",
          "retries",
          "tenantId",
          "kind");

  private static final Map<String, Function<JobSummary, Comparable<?>>> SORTS =
      Map.ofEntries(
          Map.entry("jobKey", JobSummary::key),
          Map.entry("type", JobSummary::type),
          Map.entry("state", JobSummary::state),
          Map.entry("processInstanceKey", JobSummary::processInstanceKey),
          Map.entry("processDefinitionKey", JobSummary::processDefinitionKey),
          Map.entry("processDefinitionId", JobSummary::bpmnProcessId),
          Map.entry("elementId", JobSummary::elementId),
          Map.entry("elementInstanceKey", JobSummary::elementInstanceKey),
          Map.entry("worker", JobSummary::worker),
          Map.entry("retries", JobSummary::retries),
          Map.entry("deadline", j -> j.deadline() == 0 ? null : j.deadline()),
          Map.entry("tenantId", JobSummary::tenantId));

  private JobSearch() {}

  static SearchResult<JobSummary> run(EngineState state, SearchQuery q) {
    Searches.check(q, "jobs", FILTERS, SORTS.keySet());
    List<Long> byInstance = Searches.keys(q, "processInstanceKey");
    List<JobSummary> matches = new ArrayList<>();
    Iterable<ProcessInstance> instances = state.instances();
    if (byInstance != null) {
      List<ProcessInstance> some = new ArrayList<>();
      for (long key : byInstance) {
        ProcessInstance instance = state.instance(key);
        if (instance != null) {
          some.add(instance);
        }
      }
      instances = some;
    }
    for (ProcessInstance instance : instances) {
      for (Job job : instance.jobs.values()) {
        JobSummary s = toApi(instance, job);
        if (matches(q, s)) {
          matches.add(s);
        }
      }
    }
    return Searches.page(matches, q, SORTS, JobSummary::key);
  }

  private static boolean matches(SearchQuery q, JobSummary s) {
    return Searches.matches(q, "jobKey", s.key())
        && Searches.matches(q, "type", s.type())
        && Searches.matches(q, "state", s.state())
        && Searches.matches(q, "processInstanceKey", s.processInstanceKey())
        && Searches.matches(q, "processDefinitionKey", s.processDefinitionKey())
        && Searches.matches(q, "processDefinitionId", s.bpmnProcessId())
        && Searches.matches(q, "elementId", s.elementId())
        && Searches.matches(q, "elementInstanceKey", s.elementInstanceKey())
        && Searches.matches(q, "worker", s.worker())
        && Searches.matches(q, "retries", s.retries())
        && Searches.matches(q, "tenantId", s.tenantId())
        && Searches.matches(q, "kind", "BPMN_ELEMENT");
  }

  private static JobSummary toApi(ProcessInstance instance, Job job) {
    String state =
        switch (job.state) {
          case ACTIVATABLE, ACTIVATED -> "CREATED";
          case FAILED -> "FAILED";
          case ERROR_THROWN -> "ERROR_THROWN";
        };
    return new JobSummary(
        job.key,
        job.type,
        job.worker == null ? "" : job.worker,
        state,
        job.retries,
        job.deadline,
        job.errorMessage == null ? "" : job.errorMessage,
        job.incidentKey != 0,
        instance.key,
        job.elementInstanceKey,
        job.elementId,
        instance.processDefinitionKey,
        instance.bpmnProcessId,
        instance.tenantId,
        job.customHeaders == null ? Map.of() : Map.copyOf(job.customHeaders));
  }
}
