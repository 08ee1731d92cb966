package org.flowcrm.engine.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.flowcrm.engine.api.ActivateJobs;
import org.flowcrm.engine.api.ActivatedJob;
import org.flowcrm.engine.api.CreateProcessInstance;
import org.flowcrm.engine.api.DeployResource;
import org.flowcrm.engine.api.Deployment;
import org.flowcrm.engine.api.EngineException;
import org.flowcrm.engine.api.MessageCorrelated;
import org.flowcrm.engine.api.ProcessEngine;
import org.flowcrm.engine.api.ProcessInstanceCreated;
import org.flowcrm.engine.api.ProcessInstanceResult;
import org.flowcrm.engine.api.Rejection;
import org.flowcrm.engine.api.Topology;
import org.flowcrm.engine.api.UserTask;
import org.flowcrm.engine.api.UserTaskQuery;
import org.flowcrm.engine.api.UserTaskSearchResult;
import org.flowcrm.engine.api.UserTaskUpdate;
import org.flowcrm.engine.server.Commands;
import org.flowcrm.engine.server.GatewaySettings;

/**
 * The endpoints. Field names, key encoding (keys are JSON strings) and status codes follow the
 * Orchestration Cluster REST API spec ({@code rest-api.yaml}) and the request/response models in
 * the Camunda client.
 */
final class RestApi {

  static final String DEFAULT_TENANT = "<default>";

  /** A response: status and JSON body (null = no body, e.g. 204), or an XML document. */
  record Reply(int status, JsonNode body, String xml) {
    Reply(int status, JsonNode body) {
      this(status, body, null);
    }

    static Reply xml(String document) {
      return new Reply(200, null, document);
    }

    static Reply ok(JsonNode body) {
      return new Reply(200, body);
    }

    static Reply noContent() {
      return new Reply(204, null);
    }
  }

  private final ProcessEngine engine;
  private final GatewaySettings settings;
  private final CompletableFuture<Void> closing;

  RestApi(ProcessEngine engine, GatewaySettings settings, CompletableFuture<Void> closing) {
    this.engine = engine;
    this.settings = settings;
    this.closing = closing;
  }

  Reply topology() {
    Topology t = engine.topology();
    ObjectNode body = Commands.JSON.createObjectNode();
    ArrayNode brokers = body.putArray("brokers");
    ObjectNode broker = brokers.addObject();
    broker.put("nodeId", 0);
    broker.put("host", t.brokerHost());
    broker.put("port", t.brokerPort());
    ArrayNode partitions = broker.putArray("partitions");
    for (int id = 1; id <= t.partitionsCount(); id++) {
      partitions.addObject().put("partitionId", id).put("role", "leader").put("health", "healthy");
    }
    broker.put("version", t.gatewayVersion());
    body.put("clusterSize", t.clusterSize());
    body.put("partitionsCount", t.partitionsCount());
    body.put("replicationFactor", t.replicationFactor());
    body.put("gatewayVersion", t.gatewayVersion());
    return Reply.ok(body);
  }

  Reply deploy(String contentType, byte[] body) {
    List<DeployResource> resources = new ArrayList<>();
    String tenantId = null;
    for (Multipart.Part part : Multipart.parse(contentType, body)) {
      if ("resources".equals(part.name())) {
        String name = part.filename() != null ? part.filename() : "resource-" + resources.size();
        resources.add(new DeployResource(name, part.content()));
      } else if ("tenantId".equals(part.name())) {
        tenantId = part.text();
      }
    }
    if (resources.isEmpty()) {
      throw RestException.invalid("No resources provided.");
    }
    Deployment deployment = engine.deploy(resources, tenant(tenantId));
    ObjectNode reply = Commands.JSON.createObjectNode();
    reply.put("deploymentKey", Long.toString(deployment.key()));
    reply.put("tenantId", deployment.tenantId());
    ArrayNode deployments = reply.putArray("deployments");
    for (Deployment.DeployedProcess p : deployment.processes()) {
      ObjectNode process = deployments.addObject().putObject("processDefinition");
      process.put("processDefinitionId", p.bpmnProcessId());
      process.put("processDefinitionVersion", p.version());
      process.put("resourceName", p.resourceName());
      process.put("tenantId", p.tenantId());
      process.put("processDefinitionKey", Long.toString(p.processDefinitionKey()));
    }
    for (Deployment.DeployedForm f : deployment.forms()) {
      ObjectNode form = deployments.addObject().putObject("form");
      form.put("formId", f.formId());
      form.put("version", f.version());
      form.put("resourceName", f.resourceName());
      form.put("tenantId", f.tenantId());
      form.put("formKey", Long.toString(f.formKey()));
    }
    return Reply.ok(reply);
  }

  Reply createProcessInstance(JsonNode request) {
    if (nonEmpty(request.get("startInstructions"))
        || nonEmpty(request.get("runtimeInstructions"))) {
      throw RestException.invalid(
          "startInstructions and runtimeInstructions are not supported by this engine.");
    }
    long definitionKey = key(request.get("processDefinitionKey"), "processDefinitionKey", 0);
    String processId = text(request, "processDefinitionId");
    if (definitionKey <= 0 && (processId == null || processId.isBlank())) {
      throw RestException.invalid(
          "At least one of [processDefinitionId, processDefinitionKey] is required.");
    }
    int version =
        request.hasNonNull("processDefinitionVersion")
            ? request.get("processDefinitionVersion").asInt()
            : CreateProcessInstance.LATEST_VERSION;
    CreateProcessInstance command =
        new CreateProcessInstance(
            definitionKey,
            definitionKey > 0 ? null : processId,
            version,
            Commands.variables(request.get("variables")),
            tenant(text(request, "tenantId")));
    ObjectNode reply = Commands.JSON.createObjectNode();
    if (request.path("awaitCompletion").asBoolean(false)) {
      Duration timeout =
          Commands.longPolling(
              request.path("requestTimeout").asLong(0), settings.defaultRequestTimeout());
      ProcessInstanceResult result =
          await(
              engine.createProcessInstanceWithResult(
                  command, timeout, strings(request.get("fetchVariables"))),
              timeout.plusSeconds(5));
      reply.put("processDefinitionId", result.bpmnProcessId());
      reply.put("processDefinitionVersion", result.version());
      reply.put("tenantId", result.tenantId());
      reply.putPOJO("variables", result.variables());
      reply.put("processDefinitionKey", Long.toString(result.processDefinitionKey()));
      reply.put("processInstanceKey", Long.toString(result.processInstanceKey()));
    } else {
      ProcessInstanceCreated created = engine.createProcessInstance(command);
      reply.put("processDefinitionId", created.bpmnProcessId());
      reply.put("processDefinitionVersion", created.version());
      reply.put("tenantId", created.tenantId());
      reply.putObject("variables");
      reply.put("processDefinitionKey", Long.toString(created.processDefinitionKey()));
      reply.put("processInstanceKey", Long.toString(created.processInstanceKey()));
    }
    reply.putArray("tags");
    return Reply.ok(reply);
  }

  Reply cancelProcessInstance(long processInstanceKey) {
    engine.cancelProcessInstance(processInstanceKey);
    return Reply.noContent();
  }

  Reply activateJobs(JsonNode request) {
    String type = text(request, "type");
    if (type == null || type.isBlank()) {
      throw RestException.invalid("No type provided.");
    }
    long timeout = request.path("timeout").asLong(0);
    if (timeout < 1) {
      throw RestException.invalid(
          "The value for timeout is '" + timeout + "' but must be greater than 0.");
    }
    int maxJobs = request.path("maxJobsToActivate").asInt(0);
    if (maxJobs < 1) {
      throw RestException.invalid(
          "The value for maxJobsToActivate is '" + maxJobs + "' but must be greater than 0.");
    }
    Duration requestTimeout =
        Commands.longPolling(
            request.path("requestTimeout").asLong(0), settings.longPollingTimeout());
    String worker = text(request, "worker");
    CompletableFuture<List<ActivatedJob>> activation =
        engine.activateJobs(
            new ActivateJobs(
                type,
                worker == null ? "" : worker,
                Duration.ofMillis(timeout),
                maxJobs,
                strings(request.get("fetchVariable")),
                requestTimeout));
    // A stopping gateway answers its long polls at once (empty) instead of holding shutdown.
    List<ActivatedJob> jobs =
        await(
            activation.applyToEither(closing.thenApply(ignored -> List.of()), j -> j),
            requestTimeout.plusSeconds(5));
    ObjectNode reply = Commands.JSON.createObjectNode();
    ArrayNode array = reply.putArray("jobs");
    for (ActivatedJob job : jobs) {
      array.add(job(job));
    }
    return Reply.ok(reply);
  }

  private static ObjectNode job(ActivatedJob job) {
    ObjectNode node = Commands.JSON.createObjectNode();
    node.put("type", job.type());
    node.put("processDefinitionId", job.bpmnProcessId());
    node.put("processDefinitionVersion", job.processDefinitionVersion());
    node.put("elementId", job.elementId());
    node.putPOJO(
        "customHeaders", job.customHeaders() == null ? java.util.Map.of() : job.customHeaders());
    node.put("worker", job.worker());
    node.put("retries", job.retries());
    node.put("deadline", job.deadline());
    node.putPOJO("variables", job.variables() == null ? java.util.Map.of() : job.variables());
    node.put("tenantId", job.tenantId());
    node.put("jobKey", Long.toString(job.key()));
    node.put("processInstanceKey", Long.toString(job.processInstanceKey()));
    node.put("processDefinitionKey", Long.toString(job.processDefinitionKey()));
    node.put("elementInstanceKey", Long.toString(job.elementInstanceKey()));
    node.put("kind", "BPMN_ELEMENT");
    node.put("listenerEventType", "UNSPECIFIED");
    node.putNull("userTask");
    node.putArray("tags");
    node.put("rootProcessInstanceKey", Long.toString(job.rootProcessInstanceKey()));
    return node;
  }

  Reply completeJob(long jobKey, JsonNode request) {
    engine.completeJob(jobKey, Commands.variables(request.get("variables")));
    return Reply.noContent();
  }

  Reply failJob(long jobKey, JsonNode request) {
    engine.failJob(
        jobKey,
        request.path("retries").asInt(0),
        text(request, "errorMessage"),
        Duration.ofMillis(Math.max(0, request.path("retryBackOff").asLong(0))),
        Commands.variables(request.get("variables")));
    return Reply.noContent();
  }

  Reply throwError(long jobKey, JsonNode request) {
    String errorCode = text(request, "errorCode");
    if (errorCode == null || errorCode.isBlank()) {
      throw RestException.invalid("No errorCode provided.");
    }
    engine.throwError(
        jobKey,
        errorCode,
        text(request, "errorMessage"),
        Commands.variables(request.get("variables")));
    return Reply.noContent();
  }

  Reply updateJob(long jobKey, JsonNode request) {
    JsonNode changeset = request.get("changeset");
    JsonNode retries = changeset == null ? null : changeset.get("retries");
    JsonNode timeout = changeset == null ? null : changeset.get("timeout");
    boolean hasRetries = retries != null && !retries.isNull();
    boolean hasTimeout = timeout != null && !timeout.isNull();
    if (!hasRetries && !hasTimeout) {
      throw RestException.invalid("At least one of [retries, timeout] is required.");
    }
    if (hasRetries) {
      engine.updateJobRetries(jobKey, retries.asInt());
    }
    if (hasTimeout) {
      engine.updateJobTimeout(jobKey, Duration.ofMillis(timeout.asLong()));
    }
    return Reply.noContent();
  }

  Reply setVariables(long elementInstanceKey, JsonNode request) {
    JsonNode variables = request.get("variables");
    if (variables == null || variables.isNull()) {
      throw RestException.invalid("No variables provided.");
    }
    engine.setVariables(
        elementInstanceKey, Commands.variables(variables), request.path("local").asBoolean(false));
    return Reply.noContent();
  }

  static String date(long epochMillis) {
    return Instant.ofEpochMilli(epochMillis).atOffset(ZoneOffset.UTC).toString();
  }

  Reply resolveIncident(long incidentKey) {
    engine.resolveIncident(incidentKey);
    return Reply.noContent();
  }

  /**
   * {@code POST /v2/user-tasks/search}: filters state, assignee, candidateGroup, candidateUser,
   * processInstanceKey, elementId and processDefinitionId (plain or {@code {"$eq": ...}}), one sort
   * field, offset paging. Like the process-instance query, answered from the engine's state.
   */
  Reply searchUserTasks(JsonNode request) {
    JsonNode filter = request.path("filter");
    for (String unsupported :
        List.of(
            "priority",
            "name",
            "tenantId",
            "creationDate",
            "completionDate",
            "followUpDate",
            "processInstanceVariables",
            "localVariables",
            "userTaskKey",
            "elementInstanceKey",
            "tags")) {
      JsonNode value = filter.path(unsupported);
      if (!value.isMissingNode()
          && !value.isNull()
          && !(value.isContainerNode() && value.isEmpty())) {
        throw RestException.invalid(
            "This engine does not filter user tasks by " + unsupported + ".");
      }
    }
    UserTaskQuery query = UserTaskQuery.all();
    query = query.withState(eq(filter, "state"));
    query = query.withAssignee(eq(filter, "assignee"));
    query = query.withCandidateGroup(eq(filter, "candidateGroup"));
    query = query.withCandidateUser(eq(filter, "candidateUser"));
    query = query.withElementId(eq(filter, "elementId"));
    query = query.withBpmnProcessId(eq(filter, "processDefinitionId"));
    String byInstance = eq(filter, "processInstanceKey");
    if (byInstance != null) {
      query = query.withProcessInstanceKey(pathKey(byInstance, "processInstanceKey"));
    }
    String byDefinition = eq(filter, "processDefinitionKey");
    if (byDefinition != null) {
      query = query.withProcessDefinitionKey(pathKey(byDefinition, "processDefinitionKey"));
    }
    query = dueDate(filter.path("dueDate"), query);
    JsonNode sort = request.path("sort");
    if (sort.size() > 1) {
      throw RestException.invalid("This engine sorts user tasks by one field only.");
    }
    if (sort.size() == 1) {
      JsonNode order = sort.get(0);
      String field = order.path("field").asText("");
      UserTaskQuery.SortBy by =
          switch (field) {
            case "creationDate" -> UserTaskQuery.SortBy.CREATION_DATE;
            case "completionDate" -> UserTaskQuery.SortBy.COMPLETION_DATE;
            case "followUpDate" -> UserTaskQuery.SortBy.FOLLOW_UP_DATE;
            case "dueDate" -> UserTaskQuery.SortBy.DUE_DATE;
            case "priority" -> UserTaskQuery.SortBy.PRIORITY;
            default ->
                throw RestException.invalid(
                    "This engine does not sort user tasks by '" + field + "'.");
          };
      query = query.sortedBy(by, "DESC".equalsIgnoreCase(order.path("order").asText("ASC")));
    }
    JsonNode page = request.path("page");
    if (page.hasNonNull("after") || page.hasNonNull("before")) {
      throw RestException.invalid("This engine pages user tasks by from and limit only.");
    }
    int from = page.path("from").asInt(0);
    int limit = page.path("limit").asInt(100);
    if (from < 0 || limit < 1) {
      throw RestException.invalid(
          "The page from '" + from + "' and limit '" + limit + "' must be 0+ and 1+.");
    }
    query = query.page(from, limit);
    UserTaskSearchResult result = engine.searchUserTasks(query);
    ObjectNode reply = Commands.JSON.createObjectNode();
    ArrayNode items = reply.putArray("items");
    for (UserTask task : result.items()) {
      items.add(userTask(task));
    }
    reply
        .putObject("page")
        .put("totalItems", result.total())
        .put("hasMoreTotalItems", false)
        .putNull("startCursor")
        .putNull("endCursor");
    return Reply.ok(reply);
  }

  /** {@code GET /v2/user-tasks/{userTaskKey}}, open or finished. */
  Reply userTask(long userTaskKey) {
    UserTask task =
        engine
            .userTask(userTaskKey)
            .orElseThrow(
                () ->
                    new RestException(
                        404, "NOT_FOUND", "User Task with key '" + userTaskKey + "' not found"));
    return Reply.ok(userTask(task));
  }

  private static ObjectNode userTask(UserTask task) {
    ObjectNode node = Commands.JSON.createObjectNode();
    node.put("name", task.name());
    node.put("state", task.state());
    node.put("assignee", task.assignee());
    node.put("elementId", task.elementId());
    ArrayNode groups = node.putArray("candidateGroups");
    (task.candidateGroups() == null ? List.<String>of() : task.candidateGroups())
        .forEach(groups::add);
    ArrayNode users = node.putArray("candidateUsers");
    (task.candidateUsers() == null ? List.<String>of() : task.candidateUsers()).forEach(users::add);
    node.put("processDefinitionId", task.bpmnProcessId());
    node.put("creationDate", date(task.creationDate()));
    if (task.completionDate() > 0) {
      node.put("completionDate", date(task.completionDate()));
    }
    node.put("followUpDate", task.followUpDate());
    node.put("dueDate", task.dueDate());
    node.put("tenantId", task.tenantId());
    node.put("externalFormReference", task.externalFormReference());
    node.put("processDefinitionVersion", task.processDefinitionVersion());
    node.putPOJO(
        "customHeaders", task.customHeaders() == null ? java.util.Map.of() : task.customHeaders());
    node.put("priority", task.priority());
    node.put("userTaskKey", Long.toString(task.key()));
    node.put("elementInstanceKey", Long.toString(task.elementInstanceKey()));
    node.put("processName", task.bpmnProcessId());
    node.put("processDefinitionKey", Long.toString(task.processDefinitionKey()));
    node.put("processInstanceKey", Long.toString(task.processInstanceKey()));
    node.put("rootProcessInstanceKey", Long.toString(task.processInstanceKey()));
    if (task.formKey() > 0) {
      node.put("formKey", Long.toString(task.formKey()));
    }
    node.putArray("tags");
    return node;
  }

  /** {@code POST /v2/user-tasks/{key}/assignment}; {@code allowOverride} defaults to true. */
  Reply assignUserTask(long userTaskKey, JsonNode request) {
    String assignee = text(request, "assignee");
    if (assignee == null || assignee.isBlank()) {
      throw RestException.invalid("No assignee provided.");
    }
    engine.assignUserTask(userTaskKey, assignee, request.path("allowOverride").asBoolean(true));
    return Reply.noContent();
  }

  Reply unassignUserTask(long userTaskKey) {
    engine.unassignUserTask(userTaskKey);
    return Reply.noContent();
  }

  /** {@code PATCH /v2/user-tasks/{key}}: the changeset's non-null fields. */
  Reply updateUserTask(long userTaskKey, JsonNode request) {
    JsonNode changeset = request.path("changeset");
    UserTaskUpdate update =
        new UserTaskUpdate(
            text(changeset, "dueDate"),
            text(changeset, "followUpDate"),
            changeset.hasNonNull("candidateGroups")
                ? strings(changeset.get("candidateGroups"))
                : null,
            changeset.hasNonNull("candidateUsers")
                ? strings(changeset.get("candidateUsers"))
                : null,
            changeset.hasNonNull("priority") ? changeset.get("priority").asInt() : null);
    if (update.dueDate() == null
        && update.followUpDate() == null
        && update.candidateGroups() == null
        && update.candidateUsers() == null
        && update.priority() == null
        && text(request, "action") == null) {
      throw RestException.invalid(
          "No update data provided. Provide at least an \"action\" or a non-null value for at"
              + " least one of the changeset attributes.");
    }
    if (update.priority() != null && (update.priority() < 0 || update.priority() > 100)) {
      throw RestException.invalid(
          "The value for priority is '"
              + update.priority()
              + "' but must be within the [0,100] range.");
    }
    engine.updateUserTask(userTaskKey, update);
    return Reply.noContent();
  }

  Reply completeUserTask(long userTaskKey, JsonNode request) {
    engine.completeUserTask(
        userTaskKey, Commands.variables(request.get("variables")), text(request, "action"));
    return Reply.noContent();
  }

  /** {@code POST /v2/messages/publication}; {@code timeToLive} in milliseconds. */
  Reply publishMessage(JsonNode request) {
    String name = text(request, "name");
    if (name == null || name.isBlank()) {
      throw RestException.invalid("No name provided.");
    }
    String correlationKey = text(request, "correlationKey");
    long messageKey =
        engine.publishMessage(
            name,
            correlationKey == null ? "" : correlationKey,
            Duration.ofMillis(Math.max(0, request.path("timeToLive").asLong(0))),
            text(request, "messageId"),
            Commands.variables(request.get("variables")));
    ObjectNode reply = Commands.JSON.createObjectNode();
    reply.put("tenantId", tenant(text(request, "tenantId")));
    reply.put("messageKey", Long.toString(messageKey));
    return Reply.ok(reply);
  }

  /** {@code POST /v2/signals/broadcast}: triggers what waits for the signal now; not buffered. */
  Reply broadcastSignal(JsonNode request) {
    String name = text(request, "signalName");
    if (name == null || name.isBlank()) {
      throw RestException.invalid("No signalName provided.");
    }
    long signalKey = engine.broadcastSignal(name, Commands.variables(request.get("variables")));
    ObjectNode reply = Commands.JSON.createObjectNode();
    reply.put("tenantId", tenant(text(request, "tenantId")));
    reply.put("signalKey", Long.toString(signalKey));
    return Reply.ok(reply);
  }

  /** {@code POST /v2/messages/correlation}: correlated at once or 404. */
  Reply correlateMessage(JsonNode request) {
    String name = text(request, "name");
    if (name == null || name.isBlank()) {
      throw RestException.invalid("No name provided.");
    }
    String correlationKey = text(request, "correlationKey");
    MessageCorrelated correlated =
        engine.correlateMessage(
            name,
            correlationKey == null ? "" : correlationKey,
            Commands.variables(request.get("variables")));
    ObjectNode reply = Commands.JSON.createObjectNode();
    reply.put("tenantId", correlated.tenantId());
    reply.put("messageKey", Long.toString(correlated.messageKey()));
    reply.put("processInstanceKey", Long.toString(correlated.processInstanceKey()));
    return Reply.ok(reply);
  }

  /**
   * A string filter's value: plain, {@code {"$eq": ...}} or a one-value {@code $in} (operators the
   * client leaves null or empty are ignored); null when absent.
   */
  /**
   * {@code filter.dueDate}: a date (equal), or {@code $eq}, {@code $gt}, {@code $gte}, {@code $lt},
   * {@code $lte} with an ISO 8601 date-time; combined they form one range. Tasks without a due date
   * match no due-date filter.
   */
  private static UserTaskQuery dueDate(JsonNode node, UserTaskQuery query) {
    if (node.isMissingNode() || node.isNull() || (node.isContainerNode() && node.isEmpty())) {
      return query;
    }
    Long from = null;
    Long to = null;
    if (node.isValueNode()) {
      long at = dueMillis(node, "dueDate");
      return query.withDueDateBetween(at, at + 1);
    }
    for (var it = node.fields(); it.hasNext(); ) {
      var operator = it.next();
      JsonNode operand = operator.getValue();
      if (operand.isNull() || (operand.isContainerNode() && operand.isEmpty())) {
        continue; // the client sends every operator, the unused ones empty
      }
      long at = dueMillis(operator.getValue(), "dueDate." + operator.getKey());
      switch (operator.getKey()) {
        case "$eq" -> {
          from = at;
          to = at + 1;
        }
        case "$gt" -> from = at + 1;
        case "$gte" -> from = at;
        case "$lt" -> to = at;
        case "$lte" -> to = at + 1;
        default ->
            throw RestException.invalid(
                "This engine filters user tasks by dueDate with $eq, $gt, $gte, $lt or $lte only,"
                    + " not "
                    + operator.getKey()
                    + ".");
      }
    }
    return query.withDueDateBetween(from, to);
  }

  private static long dueMillis(JsonNode value, String field) {
    try {
      return java.time.OffsetDateTime.parse(value.asText()).toInstant().toEpochMilli();
    } catch (java.time.format.DateTimeParseException e) {
      throw RestException.invalid(
          "The provided "
              + field
              + " '"
              + value.asText()
              + "' is not an ISO 8601 date-time with an offset.");
    }
  }

  private static String eq(JsonNode filter, String field) {
    JsonNode node = filter.path(field);
    if (node.isObject()) {
      JsonNode value = null;
      for (var it = node.fields(); it.hasNext(); ) {
        var operator = it.next();
        JsonNode operand = operator.getValue();
        if (operand.isNull() || (operand.isContainerNode() && operand.isEmpty())) {
          continue;
        }
        if ("$eq".equals(operator.getKey()) && operand.isValueNode()) {
          value = operand;
        } else if ("$in".equals(operator.getKey()) && operand.size() == 1) {
          value = operand.get(0);
        } else {
          throw RestException.invalid(
              "This engine filters user tasks by "
                  + field
                  + " with $eq or a one-value $in only, not "
                  + operator.getKey()
                  + ".");
        }
      }
      node = value == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : value;
    }
    return node.isMissingNode() || node.isNull() ? null : node.asText();
  }

  /** Waits for an engine future; the engine words its own rejections and deadlines. */
  private static <T> T await(CompletableFuture<T> future, Duration atMost) {
    try {
      return future.get(atMost.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw new IllegalStateException(e.getCause());
    } catch (TimeoutException e) {
      throw new EngineException(
          Rejection.DEADLINE_EXCEEDED, "Time out between gateway and engine: " + atMost);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EngineException(Rejection.UNAVAILABLE, "The gateway is shutting down");
    }
  }

  static long key(JsonNode node, String name, long absent) {
    if (node == null || node.isNull()) {
      return absent;
    }
    if (node.isIntegralNumber()) {
      return node.asLong();
    }
    return pathKey(node.asText(), name);
  }

  static long pathKey(String text, String name) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw RestException.invalid(
          "The provided " + name + " '" + text + "' is not a valid key. Expected a numeric value.");
    }
  }

  private static String text(JsonNode request, String field) {
    JsonNode node = request.get(field);
    return node == null || node.isNull() ? null : node.asText();
  }

  private static String tenant(String tenantId) {
    return tenantId == null || tenantId.isBlank() ? DEFAULT_TENANT : tenantId;
  }

  private static boolean nonEmpty(JsonNode node) {
    return node != null && node.isArray() && !node.isEmpty();
  }

  private static List<String> strings(JsonNode node) {
    if (node == null || !node.isArray()) {
      return List.of();
    }
    List<String> values = new ArrayList<>(node.size());
    node.forEach(n -> values.add(n.asText()));
    return values;
  }
}
