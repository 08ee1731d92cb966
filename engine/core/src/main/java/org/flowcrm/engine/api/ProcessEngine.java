package org.flowcrm.engine.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The commands of a Camunda-8-compatible engine. Semantics follow docs.camunda.io; every accepted
 * command is durable (committed to the store) before its method returns or its future completes.
 *
 * <p>Variables are plain JSON values as Jackson reads them: {@code Map<String,Object>}, {@code
 * List<Object>}, {@code String}, {@code Number}, {@code Boolean} and {@code null}.
 *
 * <p>A refused command throws {@link EngineException} whose {@link Rejection} the gateways map to
 * the HTTP status / gRPC code a real cluster answers with; nothing is changed by a refused command.
 *
 * <p>Returned futures are completed on the engine's processing thread: keep callbacks short and
 * non-blocking, or use the {@code *Async} variants of {@code CompletableFuture}.
 */
public interface ProcessEngine extends AutoCloseable {

  /** Cluster topology as a one-broker, one-partition cluster. */
  Topology topology();

  /**
   * Parses, validates and deploys BPMN resources and forms ({@code .form}, Camunda Forms JSON whose
   * {@code id} is the form id). A resource whose content is unchanged from the latest version of
   * the same process id is not redeployed (same key and version are returned). Invalid models are
   * refused with INVALID_ARGUMENT naming the element and the reason.
   */
  Deployment deploy(List<DeployResource> resources, String tenantId);

  /** Creates and starts an instance; returns once the start is durable. */
  ProcessInstanceCreated createProcessInstance(CreateProcessInstance command);

  /**
   * Creates an instance and completes the future when it completes (awaitCompletion), with the
   * requested variables (all when {@code fetchVariables} is empty). Completes exceptionally with
   * DEADLINE_EXCEEDED when {@code requestTimeout} passes first (the instance keeps running).
   */
  CompletableFuture<ProcessInstanceResult> createProcessInstanceWithResult(
      CreateProcessInstance command, Duration requestTimeout, List<String> fetchVariables);

  void cancelProcessInstance(long processInstanceKey);

  /**
   * Activates up to {@code maxJobsToActivate} jobs of a type. Long polling: when none is
   * activatable, the future completes as soon as one becomes activatable, or with an empty list
   * once {@code requestTimeout} passes (zero or negative = answer at once).
   */
  CompletableFuture<List<ActivatedJob>> activateJobs(ActivateJobs command);

  /**
   * Job push (gRPC StreamActivatedJobs): every job of the type that becomes activatable is
   * activated for this stream and handed to {@code sink} until the returned handle is closed. A job
   * the sink refuses ({@code false}) is given back (made activatable again).
   */
  JobStream openJobStream(StreamJobs command, JobSink sink);

  void completeJob(long jobKey, Map<String, Object> variables);

  void failJob(
      long jobKey,
      int retries,
      String errorMessage,
      Duration retryBackOff,
      Map<String, Object> variables);

  void throwError(
      long jobKey, String errorCode, String errorMessage, Map<String, Object> variables);

  void updateJobRetries(long jobKey, int retries);

  void updateJobTimeout(long jobKey, Duration timeout);

  /**
   * Sets variables on an element instance or process instance scope; {@code local} keeps them in
   * that scope, otherwise each propagates to the nearest scope that has it. Returns the command's
   * key.
   */
  long setVariables(long elementInstanceKey, Map<String, Object> variables, boolean local);

  /**
   * Resolves an incident: the failed step is retried with the current variables (a new incident if
   * it fails again); a job incident makes the same job activatable again. Refused with
   * INVALID_STATE while the incident's job has no retries left (update its retries first).
   */
  void resolveIncident(long incidentKey);

  /**
   * The current state of a process instance: running from the engine's state, finished from its
   * history. Empty when the key is unknown.
   */
  Optional<ProcessInstanceSnapshot> processInstance(long processInstanceKey);

  /** Open incidents of a running process instance, oldest first. */
  List<Incident> incidents(long processInstanceKey);

  /** An open incident by key; empty when unknown or resolved. */
  Optional<Incident> incident(long incidentKey);

  /**
   * Searches deployed process versions. Filters: {@code processDefinitionKey}, {@code
   * processDefinitionId}, {@code name}, {@code version}, {@code versionTag}, {@code resourceName},
   * {@code tenantId}, {@code isLatestVersion}, {@code hasStartForm}; sort by any of the first
   * seven.
   */
  SearchResult<ProcessDefinition> searchProcessDefinitions(SearchQuery query);

  /** A deployed process version by key; empty when unknown. */
  Optional<ProcessDefinition> processDefinition(long processDefinitionKey);

  /** The BPMN XML a process version was deployed from, as deployed; empty when unknown. */
  Optional<String> processDefinitionXml(long processDefinitionKey);

  /**
   * Searches process instances, running ones and finished ones (the history). Filters: {@code
   * processInstanceKey}, {@code processDefinitionId}, {@code processDefinitionKey}, {@code
   * processDefinitionVersion}, {@code state} (ACTIVE, COMPLETED, TERMINATED), {@code tenantId},
   * {@code hasIncident}, {@code parentProcessInstanceKey}; sort by {@code processInstanceKey},
   * {@code processDefinitionId}, {@code processDefinitionKey}, {@code processDefinitionVersion},
   * {@code startDate}, {@code endDate}, {@code state}, {@code tenantId}.
   */
  SearchResult<ProcessInstanceSummary> searchProcessInstances(SearchQuery query);

  /**
   * Searches element instances: active ones of running instances and ended ones (COMPLETED,
   * TERMINATED) from the history, with start and end dates. Filters: {@code elementInstanceKey},
   * {@code processInstanceKey}, {@code processDefinitionKey}, {@code processDefinitionId}, {@code
   * elementId}, {@code elementName}, {@code type}, {@code state}, {@code hasIncident}, {@code
   * incidentKey}, {@code tenantId}, {@code elementInstanceScopeKey}.
   */
  SearchResult<ElementInstanceSummary> searchElementInstances(SearchQuery query);

  /** An element instance by key, active or ended; empty when unknown. */
  Optional<ElementInstanceSummary> elementInstance(long elementInstanceKey);

  /**
   * Per-element counts of a process version (active, with an open incident, completed, canceled);
   * empty when the version is unknown. Only elements that have instances are listed.
   */
  Optional<List<ElementStatistics>> elementStatistics(long processDefinitionKey);

  /**
   * Searches open incidents. Filters: {@code incidentKey}, {@code processInstanceKey}, {@code
   * processDefinitionKey}, {@code processDefinitionId}, {@code elementId}, {@code
   * elementInstanceKey}, {@code errorType}, {@code state} (only ACTIVE ones exist), {@code
   * tenantId}, {@code jobKey}; sort by those (but {@code jobKey}) or {@code creationTime}.
   */
  SearchResult<IncidentSummary> searchIncidents(SearchQuery query);

  /**
   * Searches variables: those of every scope of running instances, and the final variables of
   * finished instances named by a {@code processInstanceKey} filter. Filters: {@code
   * processInstanceKey}, {@code scopeKey}, {@code name}, {@code variableKey}, {@code value} (JSON
   * text), {@code tenantId}; sort by any of them.
   */
  SearchResult<Variable> searchVariables(SearchQuery query);

  /**
   * The variables visible from a user task ({@code zeebe:userTask}): those of its element instance
   * and of every enclosing scope up to its process instance, one result per scope and name (a name
   * in two scopes is two results, as in Camunda). A finished task's element instance is gone: it
   * sees its process instance's variables (the final ones once the instance finished). Filter:
   * {@code name}; sort by {@code name}, {@code value}, {@code variableKey}, {@code scopeKey},
   * {@code processInstanceKey}, {@code tenantId}. NOT_FOUND when the task is unknown.
   */
  SearchResult<Variable> searchUserTaskVariables(long userTaskKey, SearchQuery query);

  /**
   * A variable by key: of a running instance's scope, or a final variable of a finished instance;
   * empty when unknown.
   */
  Optional<Variable> variable(long variableKey);

  /**
   * Searches the jobs of running process instances (open jobs; finished ones are not kept).
   * Filters: {@code jobKey}, {@code type}, {@code state}, {@code processInstanceKey}, {@code
   * processDefinitionKey}, {@code processDefinitionId}, {@code elementId}, {@code
   * elementInstanceKey}, {@code worker}, {@code retries}, {@code tenantId}, {@code kind}.
   */
  SearchResult<JobSummary> searchJobs(SearchQuery query);

  /**
   * Searches user tasks ({@code zeebe:userTask}): open ones and the bounded history of finished
   * ones (the newest {@code 10,000} COMPLETED or CANCELED tasks).
   */
  UserTaskSearchResult searchUserTasks(UserTaskQuery query);

  /**
   * The form linked to a user task: the version of its {@code formId} that was the latest when the
   * task was created. Empty when the task links no deployed form; NOT_FOUND when the task is
   * unknown.
   */
  Optional<Form> userTaskForm(long userTaskKey);

  /**
   * The start form of a process version (its none start event's {@code formId}, latest deployed
   * version). Empty when it has none or the form is not deployed; NOT_FOUND for an unknown key.
   */
  Optional<Form> processDefinitionForm(long processDefinitionKey);

  /** A deployed form version by key; empty when unknown. */
  Optional<Form> form(long formKey);

  /** A user task by key, open or finished; empty when unknown. */
  Optional<UserTask> userTask(long userTaskKey);

  /**
   * Assigns an open user task. With {@code allowOverride} false, a task that already has an
   * assignee is refused with INVALID_STATE; an unknown or finished task with NOT_FOUND.
   */
  void assignUserTask(long userTaskKey, String assignee, boolean allowOverride);

  /** Removes the assignee of an open user task (NOT_FOUND when unknown or finished). */
  void unassignUserTask(long userTaskKey);

  /** Changes the non-null fields of the changeset on an open user task. */
  void updateUserTask(long userTaskKey, UserTaskUpdate changeset);

  /**
   * Completes an open user task: its variables are merged as a job's are, the element completes and
   * the instance moves on. Unknown or already finished → NOT_FOUND.
   */
  void completeUserTask(long userTaskKey, Map<String, Object> variables, String action);

  /**
   * Publishes a message: it correlates to every open subscription with its name and correlation key
   * (at most one per process id) and starts instances of processes with a matching message start
   * event; with a positive {@code timeToLive} it stays buffered for subscriptions opened later. A
   * {@code messageId} equal to one of a buffered message with the same name and key →
   * ALREADY_EXISTS. Returns the message key.
   */
  long publishMessage(
      String name,
      String correlationKey,
      Duration timeToLive,
      String messageId,
      Map<String, Object> variables);

  /**
   * Correlates a message at once, without buffering: NOT_FOUND when no subscription or message
   * start event takes it.
   */
  MessageCorrelated correlateMessage(
      String name, String correlationKey, Map<String, Object> variables);

  /**
   * Broadcasts a signal: every open signal subscription with this name is triggered and every
   * latest process version with a signal start event of this name starts, all with the variables.
   * Nothing is buffered. Returns the signal key.
   */
  long broadcastSignal(String signalName, Map<String, Object> variables);

  @Override
  void close();

  /** Receives jobs pushed to a stream. Returns false when the job could not be delivered. */
  @FunctionalInterface
  interface JobSink {
    boolean push(ActivatedJob job);
  }

  /** An open job stream; closing it stops the push. */
  interface JobStream extends AutoCloseable {
    @Override
    void close();
  }
}
