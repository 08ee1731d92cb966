package org.flowcrm.engine.server;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.flowcrm.engine.api.ActivateJobs;
import org.flowcrm.engine.api.ActivatedJob;
import org.flowcrm.engine.api.CreateProcessInstance;
import org.flowcrm.engine.api.DeployResource;
import org.flowcrm.engine.api.Deployment;
import org.flowcrm.engine.api.ElementInstanceSummary;
import org.flowcrm.engine.api.EngineException;
import org.flowcrm.engine.api.Incident;
import org.flowcrm.engine.api.JobSummary;
import org.flowcrm.engine.api.MessageCorrelated;
import org.flowcrm.engine.api.ProcessDefinition;
import org.flowcrm.engine.api.ProcessEngine;
import org.flowcrm.engine.api.ProcessInstanceCreated;
import org.flowcrm.engine.api.ProcessInstanceResult;
import org.flowcrm.engine.api.ProcessInstanceSnapshot;
import org.flowcrm.engine.api.ProcessInstanceSummary;
import org.flowcrm.engine.api.SearchQuery;
import org.flowcrm.engine.api.SearchResult;
import org.flowcrm.engine.api.StreamJobs;
import org.flowcrm.engine.api.Topology;
import org.flowcrm.engine.api.UserTask;
import org.flowcrm.engine.api.UserTaskQuery;
import org.flowcrm.engine.api.UserTaskSearchResult;
import org.flowcrm.engine.api.UserTaskUpdate;

/**
 * A scripted engine for the protocol tests: records every command it receives (with its arguments)
 * and answers with canned values, or refuses with {@link #rejectWith}. It lets the gateway mapping
 * be tested without the core.
 */
public final class StubEngine implements ProcessEngine {

  /** First key of partition 1, as Zeebe makes them: the REST layer must keep all 64 bits. */
  public static final long KEY = (1L << 51) + 1;

  public record Call(String command, List<Object> args) {}

  public final List<Call> calls = new CopyOnWriteArrayList<>();
  public volatile EngineException rejectWith;
  public volatile List<ActivatedJob> jobsToActivate = List.of();
  public volatile Duration activationDelay = Duration.ZERO;
  public volatile Map<String, Object> resultVariables = Map.of();
  public final List<JobSink> sinks = new CopyOnWriteArrayList<>();
  public volatile boolean closed;

  private void record(String command, Object... args) {
    calls.add(new Call(command, java.util.Arrays.asList(args)));
    if (rejectWith != null) {
      throw rejectWith;
    }
  }

  public Call last(String command) {
    for (int i = calls.size() - 1; i >= 0; i--) {
      if (calls.get(i).command().equals(command)) {
        return calls.get(i);
      }
    }
    throw new AssertionError("the engine never received " + command + "; got " + calls);
  }

  public static ActivatedJob job(String type, Map<String, Object> variables) {
    return new ActivatedJob(
        KEY + 10,
        type,
        KEY + 2,
        "order-process",
        3,
        KEY + 1,
        "ship",
        KEY + 9,
        Map.of("priority", "high"),
        "test-worker",
        3,
        1_700_000_000_000L,
        variables,
        "<default>",
        KEY + 2);
  }

  @Override
  public Topology topology() {
    record("topology");
    return new Topology(1, 1, 1, "8.9.0-flowcrm", "localhost", 26501);
  }

  @Override
  public Deployment deploy(List<DeployResource> resources, String tenantId) {
    record("deploy", resources, tenantId);
    return new Deployment(
        KEY,
        tenantId,
        resources.stream()
            .map(
                r ->
                    new Deployment.DeployedProcess("order-process", 1, KEY + 1, r.name(), tenantId))
            .toList());
  }

  @Override
  public ProcessInstanceCreated createProcessInstance(CreateProcessInstance command) {
    record("createProcessInstance", command);
    return new ProcessInstanceCreated(
        command.processDefinitionKey() > 0 ? command.processDefinitionKey() : KEY + 1,
        command.bpmnProcessId() == null ? "order-process" : command.bpmnProcessId(),
        1,
        KEY + 2,
        command.tenantId());
  }

  @Override
  public CompletableFuture<ProcessInstanceResult> createProcessInstanceWithResult(
      CreateProcessInstance command, Duration requestTimeout, List<String> fetchVariables) {
    record("createProcessInstanceWithResult", command, requestTimeout, fetchVariables);
    return CompletableFuture.completedFuture(
        new ProcessInstanceResult(
            KEY + 1, command.bpmnProcessId(), 1, KEY + 2, resultVariables, command.tenantId()));
  }

  @Override
  public void cancelProcessInstance(long processInstanceKey) {
    record("cancelProcessInstance", processInstanceKey);
  }

  @Override
  public CompletableFuture<List<ActivatedJob>> activateJobs(ActivateJobs command) {
    record("activateJobs", command);
    List<ActivatedJob> jobs =
        jobsToActivate.stream().filter(j -> j.type().equals(command.type())).toList();
    if (!jobs.isEmpty()) {
      jobsToActivate = List.of(); // each job is handed out once
    }
    if (jobs.isEmpty()) {
      // Long polling: nothing comes, answer empty when the request times out.
      return CompletableFuture.supplyAsync(
          () -> List.of(),
          CompletableFuture.delayedExecutor(
              command.requestTimeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS));
    }
    return CompletableFuture.supplyAsync(
        () -> jobs,
        CompletableFuture.delayedExecutor(
            activationDelay.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS));
  }

  @Override
  public JobStream openJobStream(StreamJobs command, JobSink sink) {
    calls.add(new Call("openJobStream", List.of(command)));
    sinks.add(sink);
    return () -> sinks.remove(sink);
  }

  @Override
  public void completeJob(long jobKey, Map<String, Object> variables) {
    record("completeJob", jobKey, variables);
  }

  @Override
  public void failJob(
      long jobKey,
      int retries,
      String errorMessage,
      Duration retryBackOff,
      Map<String, Object> variables) {
    record("failJob", jobKey, retries, errorMessage, retryBackOff, variables);
  }

  @Override
  public void throwError(
      long jobKey, String errorCode, String errorMessage, Map<String, Object> variables) {
    record("throwError", jobKey, errorCode, errorMessage, variables);
  }

  @Override
  public void updateJobRetries(long jobKey, int retries) {
    record("updateJobRetries", jobKey, retries);
  }

  @Override
  public void updateJobTimeout(long jobKey, Duration timeout) {
    record("updateJobTimeout", jobKey, timeout);
  }

  @Override
  public long setVariables(long elementInstanceKey, Map<String, Object> variables, boolean local) {
    record("setVariables", elementInstanceKey, variables, local);
    return KEY + 20;
  }

  @Override
  public void resolveIncident(long incidentKey) {
    record("resolveIncident", incidentKey);
  }

  @Override
  public Optional<ProcessInstanceSnapshot> processInstance(long processInstanceKey) {
    record("processInstance", processInstanceKey);
    return Optional.empty();
  }

  @Override
  public List<Incident> incidents(long processInstanceKey) {
    record("incidents", processInstanceKey);
    return List.of();
  }

  @Override
  public Optional<Incident> incident(long incidentKey) {
    record("incident", incidentKey);
    return Optional.empty();
  }

  @Override
  public SearchResult<ProcessDefinition> searchProcessDefinitions(SearchQuery query) {
    record("searchProcessDefinitions", query);
    return new SearchResult<>(List.of(), 0);
  }

  @Override
  public Optional<ProcessDefinition> processDefinition(long processDefinitionKey) {
    record("processDefinition", processDefinitionKey);
    return Optional.empty();
  }

  @Override
  public Optional<String> processDefinitionXml(long processDefinitionKey) {
    record("processDefinitionXml", processDefinitionKey);
    return Optional.empty();
  }

  @Override
  public SearchResult<ProcessInstanceSummary> searchProcessInstances(SearchQuery query) {
    record("searchProcessInstances", query);
    return new SearchResult<>(List.of(), 0);
  }

  @Override
  public SearchResult<ElementInstanceSummary> searchElementInstances(SearchQuery query) {
    record("searchElementInstances", query);
    return new SearchResult<>(List.of(), 0);
  }

  @Override
  public Optional<List<org.flowcrm.engine.api.ElementStatistics>> elementStatistics(
      long processDefinitionKey) {
    record("elementStatistics", processDefinitionKey);
    return Optional.empty();
  }

  @Override
  public SearchResult<org.flowcrm.engine.api.IncidentSummary> searchIncidents(SearchQuery query) {
    record("searchIncidents", query);
    return new SearchResult<>(List.of(), 0);
  }

  @Override
  public Optional<ElementInstanceSummary> elementInstance(long elementInstanceKey) {
    record("elementInstance", elementInstanceKey);
    return Optional.empty();
  }

  @Override
  public SearchResult<org.flowcrm.engine.api.Variable> searchVariables(SearchQuery query) {
    record("searchVariables", query);
    return new SearchResult<>(List.of(), 0);
  }

  @Override
  public SearchResult<org.flowcrm.engine.api.Variable> searchUserTaskVariables(
      long userTaskKey, SearchQuery query) {
    record("searchUserTaskVariables", userTaskKey, query);
    return new SearchResult<>(List.of(), 0);
  }

  @Override
  public Optional<org.flowcrm.engine.api.Variable> variable(long variableKey) {
    record("variable", variableKey);
    return Optional.empty();
  }

  @Override
  public Optional<org.flowcrm.engine.api.Form> userTaskForm(long userTaskKey) {
    record("userTaskForm", userTaskKey);
    return Optional.empty();
  }

  @Override
  public Optional<org.flowcrm.engine.api.Form> processDefinitionForm(long processDefinitionKey) {
    record("processDefinitionForm", processDefinitionKey);
    return Optional.empty();
  }

  @Override
  public Optional<org.flowcrm.engine.api.Form> form(long formKey) {
    record("form", formKey);
    return Optional.empty();
  }

  @Override
  public SearchResult<JobSummary> searchJobs(SearchQuery query) {
    record("searchJobs", query);
    return new SearchResult<>(List.of(), 0);
  }

  @Override
  public UserTaskSearchResult searchUserTasks(UserTaskQuery query) {
    record("searchUserTasks", query);
    return new UserTaskSearchResult(List.of(), 0);
  }

  @Override
  public Optional<UserTask> userTask(long userTaskKey) {
    record("userTask", userTaskKey);
    return Optional.empty();
  }

  @Override
  public void assignUserTask(long userTaskKey, String assignee, boolean allowOverride) {
    record("assignUserTask", userTaskKey, assignee, allowOverride);
  }

  @Override
  public void unassignUserTask(long userTaskKey) {
    record("unassignUserTask", userTaskKey);
  }

  @Override
  public void updateUserTask(long userTaskKey, UserTaskUpdate changeset) {
    record("updateUserTask", userTaskKey, changeset);
  }

  @Override
  public void completeUserTask(long userTaskKey, Map<String, Object> variables, String action) {
    record("completeUserTask", userTaskKey, variables, action);
  }

  @Override
  public long publishMessage(
      String name,
      String correlationKey,
      Duration timeToLive,
      String messageId,
      Map<String, Object> variables) {
    record("publishMessage", name, correlationKey, timeToLive, messageId, variables);
    return KEY;
  }

  @Override
  public MessageCorrelated correlateMessage(
      String name, String correlationKey, Map<String, Object> variables) {
    record("correlateMessage", name, correlationKey, variables);
    return new MessageCorrelated(KEY, KEY, "<default>");
  }

  @Override
  public long broadcastSignal(String signalName, Map<String, Object> variables) {
    record("broadcastSignal", signalName, variables);
    return KEY;
  }

  @Override
  public void close() {
    closed = true;
  }
}
