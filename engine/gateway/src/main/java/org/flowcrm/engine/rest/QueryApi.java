package org.flowcrm.engine.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Function;
import org.flowcrm.engine.api.ElementInstanceSummary;
import org.flowcrm.engine.api.ElementStatistics;
import org.flowcrm.engine.api.Form;
import org.flowcrm.engine.api.Incident;
import org.flowcrm.engine.api.IncidentSummary;
import org.flowcrm.engine.api.JobSummary;
import org.flowcrm.engine.api.ProcessDefinition;
import org.flowcrm.engine.api.ProcessEngine;
import org.flowcrm.engine.api.ProcessInstanceSnapshot;
import org.flowcrm.engine.api.ProcessInstanceSummary;
import org.flowcrm.engine.api.SearchQuery;
import org.flowcrm.engine.api.SearchResult;
import org.flowcrm.engine.api.Variable;
import org.flowcrm.engine.rest.RestApi.Reply;
import org.flowcrm.engine.server.Commands;

/**
 * The read side of REST v2 that Operate and Tasklist would answer in Camunda: searches and gets of
 * process definitions, process instances, element instances, jobs and incidents. A real cluster
 * answers from its secondary storage (eventually consistent); the engine answers from its state, so
 * an answer is never stale. Field names follow the client's response models; keys are strings.
 */
final class QueryApi {

  private final ProcessEngine engine;

  QueryApi(ProcessEngine engine) {
    this.engine = engine;
  }

  /** Camunda's 404 for a get by key: {@code "Process Definition with key '1' not found"}. */
  static RestException notFound(String entity, long key) {
    return new RestException(404, "NOT_FOUND", entity + " with key '" + key + "' not found");
  }

  // ---------------------------------------------------------------- process definitions

  Reply searchProcessDefinitions(JsonNode request) {
    SearchQuery query = SearchRequests.parse(request, "process definitions");
    return page(engine.searchProcessDefinitions(query), query, QueryApi::processDefinition);
  }

  Reply processDefinition(long key) {
    return Reply.ok(
        processDefinition(
            engine.processDefinition(key).orElseThrow(() -> notFound("Process Definition", key))));
  }

  Reply processDefinitionXml(long key) {
    return Reply.xml(
        engine.processDefinitionXml(key).orElseThrow(() -> notFound("Process Definition", key)));
  }

  private static ObjectNode processDefinition(ProcessDefinition d) {
    ObjectNode node = Commands.JSON.createObjectNode();
    node.put("name", d.name());
    node.put("resourceName", d.resourceName());
    node.put("version", d.version());
    node.put("versionTag", d.versionTag());
    node.put("processDefinitionId", d.bpmnProcessId());
    node.put("tenantId", d.tenantId());
    node.put("processDefinitionKey", Long.toString(d.key()));
    node.put("hasStartForm", d.hasStartForm());
    return node;
  }

  // ---------------------------------------------------------------- process instances

  Reply searchProcessInstances(JsonNode request) {
    SearchQuery query = SearchRequests.parse(request, "process instances");
    return page(engine.searchProcessInstances(query), query, QueryApi::processInstance);
  }

  /**
   * {@code GET /v2/process-instances/{key}}: running from the engine's state, finished (COMPLETED
   * or TERMINATED, with its end date) from the history.
   */
  Reply processInstance(long key) {
    ProcessInstanceSnapshot instance =
        engine.processInstance(key).orElseThrow(() -> notFound("Process Instance", key));
    ProcessDefinition definition =
        engine.processDefinition(instance.processDefinitionKey()).orElse(null);
    ObjectNode reply =
        processInstance(
            new ProcessInstanceSummary(
                instance.key(),
                instance.processDefinitionKey(),
                instance.bpmnProcessId(),
                definition == null ? null : definition.name(),
                instance.version(),
                definition == null ? null : definition.versionTag(),
                instance.tenantId(),
                instance.state(),
                instance.startTime(),
                instance.endTime(),
                instance.incidents() != null && !instance.incidents().isEmpty(),
                instance.parentProcessInstanceKey(),
                instance.parentElementInstanceKey()));
    reply.put("rootProcessInstanceKey", Long.toString(rootOf(instance)));
    return Reply.ok(reply);
  }

  /** The instance at the top of a chain of call activities. */
  private long rootOf(ProcessInstanceSnapshot instance) {
    ProcessInstanceSnapshot current = instance;
    for (int depth = 0; current.parentProcessInstanceKey() > 0 && depth < 1000; depth++) {
      java.util.Optional<ProcessInstanceSnapshot> parent =
          engine.processInstance(current.parentProcessInstanceKey());
      if (parent.isEmpty()) {
        return current.parentProcessInstanceKey();
      }
      current = parent.get();
    }
    return current.key();
  }

  private static ObjectNode processInstance(ProcessInstanceSummary i) {
    ObjectNode node = Commands.JSON.createObjectNode();
    node.put("processDefinitionId", i.bpmnProcessId());
    // Operate shows the process id where the process has no name
    node.put(
        "processDefinitionName", i.processName() == null ? i.bpmnProcessId() : i.processName());
    node.put("processDefinitionVersion", i.version());
    node.put("processDefinitionVersionTag", i.versionTag());
    node.put("startDate", RestApi.date(i.startTime()));
    if (i.endTime() > 0) {
      node.put("endDate", RestApi.date(i.endTime()));
    } else {
      node.putNull("endDate");
    }
    node.put("state", i.state());
    node.put("hasIncident", i.hasIncident());
    node.put("tenantId", i.tenantId());
    node.put("processInstanceKey", Long.toString(i.key()));
    node.put("processDefinitionKey", Long.toString(i.processDefinitionKey()));
    if (i.parentProcessInstanceKey() > 0) {
      node.put("parentProcessInstanceKey", Long.toString(i.parentProcessInstanceKey()));
      node.put("parentElementInstanceKey", Long.toString(i.parentElementInstanceKey()));
    } else {
      node.putNull("parentProcessInstanceKey");
      node.putNull("parentElementInstanceKey");
    }
    node.put("rootProcessInstanceKey", Long.toString(i.key()));
    node.putArray("tags");
    return node;
  }

  // ---------------------------------------------------------------- element instances

  Reply searchElementInstances(JsonNode request) {
    SearchQuery query = SearchRequests.parse(request, "element instances");
    return page(engine.searchElementInstances(query), query, QueryApi::elementInstance);
  }

  Reply elementInstance(long key) {
    return Reply.ok(
        elementInstance(
            engine.elementInstance(key).orElseThrow(() -> notFound("Element Instance", key))));
  }

  private static ObjectNode elementInstance(ElementInstanceSummary e) {
    ObjectNode node = Commands.JSON.createObjectNode();
    node.put("processDefinitionId", e.bpmnProcessId());
    node.put("startDate", RestApi.date(e.startTime()));
    if (e.endTime() > 0) {
      node.put("endDate", RestApi.date(e.endTime()));
    } else {
      node.putNull("endDate");
    }
    node.put("elementId", e.elementId());
    node.put("elementName", e.elementName());
    node.put("type", e.type());
    node.put("state", e.state());
    // an ended element instance keeps the key of its last (resolved) incident, but has none open
    node.put("hasIncident", e.incidentKey() != 0 && "ACTIVE".equals(e.state()));
    node.put("tenantId", e.tenantId());
    node.put("elementInstanceKey", Long.toString(e.key()));
    node.put("processInstanceKey", Long.toString(e.processInstanceKey()));
    node.put("rootProcessInstanceKey", Long.toString(e.processInstanceKey()));
    node.put("processDefinitionKey", Long.toString(e.processDefinitionKey()));
    if (e.incidentKey() != 0) {
      node.put("incidentKey", Long.toString(e.incidentKey()));
    } else {
      node.putNull("incidentKey");
    }
    return node;
  }

  /**
   * {@code POST /v2/process-definitions/{key}/statistics/element-instances}: per element, active
   * (without incident), incidents, completed and canceled counts. The body's {@code filter} narrows
   * the process instances in Camunda; this engine counts all of the version's instances and refuses
   * a filter naming it.
   */
  Reply elementStatistics(long processDefinitionKey, JsonNode request) {
    JsonNode filter = request.path("filter");
    for (var it = filter.fields(); it.hasNext(); ) {
      var field = it.next();
      JsonNode value = field.getValue();
      if (!value.isNull() && !(value.isContainerNode() && value.isEmpty())) {
        throw RestException.invalid(
            "This engine counts all instances of a process definition; it does not filter"
                + " element statistics by '"
                + field.getKey()
                + "'.");
      }
    }
    ObjectNode reply = Commands.JSON.createObjectNode();
    ArrayNode items = reply.putArray("items");
    for (ElementStatistics s :
        engine
            .elementStatistics(processDefinitionKey)
            .orElseThrow(() -> notFound("Process Definition", processDefinitionKey))) {
      items
          .addObject()
          .put("elementId", s.elementId())
          .put("active", s.active())
          .put("canceled", s.canceled())
          .put("incidents", s.incidents())
          .put("completed", s.completed());
    }
    return Reply.ok(reply);
  }

  // ---------------------------------------------------------------- jobs

  Reply searchJobs(JsonNode request) {
    SearchQuery query = SearchRequests.parse(request, "jobs");
    return page(engine.searchJobs(query), query, QueryApi::job);
  }

  private static ObjectNode job(JobSummary j) {
    ObjectNode node = Commands.JSON.createObjectNode();
    node.putPOJO("customHeaders", j.customHeaders());
    if (j.deadline() > 0) {
      node.put("deadline", RestApi.date(j.deadline()));
    } else {
      node.putNull("deadline");
    }
    node.putNull("deniedReason");
    node.put("elementId", j.elementId());
    node.put("elementInstanceKey", Long.toString(j.elementInstanceKey()));
    node.putNull("endTime");
    node.putNull("errorCode");
    node.put("errorMessage", j.errorMessage());
    node.put("hasFailedWithRetriesLeft", "FAILED".equals(j.state()) && j.retries() > 0);
    node.put("isDenied", false);
    node.put("jobKey", Long.toString(j.key()));
    node.put("kind", "BPMN_ELEMENT");
    node.put("listenerEventType", "UNSPECIFIED");
    node.put("processDefinitionId", j.bpmnProcessId());
    node.put("processDefinitionKey", Long.toString(j.processDefinitionKey()));
    node.put("processInstanceKey", Long.toString(j.processInstanceKey()));
    node.put("rootProcessInstanceKey", Long.toString(j.processInstanceKey()));
    node.put("retries", j.retries());
    node.put("state", j.state());
    node.put("tenantId", j.tenantId());
    node.put("type", j.type());
    node.put("worker", j.worker());
    return node;
  }

  // ---------------------------------------------------------------- variables

  /**
   * Camunda truncates values longer than this in search results ({@code isTruncated}) unless the
   * request asks for full values ({@code ?truncateValues=false}); a get returns the full value.
   */
  static final int TRUNCATE_AT = 8191;

  Reply searchVariables(JsonNode request, boolean truncateValues) {
    SearchQuery query = SearchRequests.parse(request, "variables");
    return page(engine.searchVariables(query), query, v -> variable(v, truncateValues, true));
  }

  /**
   * {@code POST /v2/user-tasks/{key}/variables/search}: the variables visible from the task's scope
   * (its own and every enclosing one), filtered by {@code name}; 404 for an unknown task.
   */
  Reply searchUserTaskVariables(long userTaskKey, JsonNode request, boolean truncateValues) {
    SearchQuery query = SearchRequests.parse(request, "user task variables");
    SearchResult<Variable> found;
    try {
      found = engine.searchUserTaskVariables(userTaskKey, query);
    } catch (org.flowcrm.engine.api.EngineException e) {
      if (e.rejection() == org.flowcrm.engine.api.Rejection.NOT_FOUND) {
        throw notFound("User Task", userTaskKey); // a query's 404, not a rejected command's
      }
      throw e;
    }
    return page(found, query, v -> variable(v, truncateValues, true));
  }

  Reply variable(long key) {
    return Reply.ok(
        variable(engine.variable(key).orElseThrow(() -> notFound("Variable", key)), false, false));
  }

  private static ObjectNode variable(Variable v, boolean truncate, boolean searchResult) {
    ObjectNode node = Commands.JSON.createObjectNode();
    node.put("name", v.name());
    boolean truncated = truncate && v.value().length() > TRUNCATE_AT;
    node.put("value", truncated ? v.value().substring(0, TRUNCATE_AT) : v.value());
    if (searchResult) {
      node.put("isTruncated", truncated);
    }
    node.put("tenantId", v.tenantId());
    node.put("variableKey", Long.toString(v.key()));
    node.put("scopeKey", Long.toString(v.scopeKey()));
    node.put("processInstanceKey", Long.toString(v.processInstanceKey()));
    node.put("rootProcessInstanceKey", Long.toString(v.processInstanceKey()));
    return node;
  }

  // ---------------------------------------------------------------- forms

  /**
   * {@code GET /v2/user-tasks/{key}/form}: the linked form, 204 when the task links none (as
   * Camunda), 404 when the task is unknown.
   */
  Reply userTaskForm(long userTaskKey) {
    return engine.userTaskForm(userTaskKey).map(f -> Reply.ok(form(f))).orElseGet(Reply::noContent);
  }

  /** {@code GET /v2/process-definitions/{key}/form}: the start form, 204 when there is none. */
  Reply processDefinitionForm(long processDefinitionKey) {
    return engine
        .processDefinitionForm(processDefinitionKey)
        .map(f -> Reply.ok(form(f)))
        .orElseGet(Reply::noContent);
  }

  private static ObjectNode form(Form f) {
    ObjectNode node = Commands.JSON.createObjectNode();
    node.put("tenantId", f.tenantId());
    node.put("formId", f.formId());
    node.put("schema", f.schema());
    node.put("version", f.version());
    node.put("formKey", Long.toString(f.key()));
    return node;
  }

  // ---------------------------------------------------------------- incidents

  /** {@code POST /v2/incidents/search}: open incidents (resolved ones are not kept). */
  Reply searchIncidents(JsonNode request) {
    SearchQuery query = SearchRequests.parse(request, "incidents");
    return page(engine.searchIncidents(query), query, QueryApi::incident);
  }

  private static ObjectNode incident(IncidentSummary s) {
    Incident incident = s.incident();
    ObjectNode node = Commands.JSON.createObjectNode();
    node.put("processDefinitionId", s.bpmnProcessId());
    node.put("processDefinitionKey", Long.toString(s.processDefinitionKey()));
    node.put("tenantId", s.tenantId());
    node.put("errorType", incident.errorType());
    node.put("errorMessage", incident.errorMessage());
    node.put("elementId", incident.elementId());
    node.put("creationTime", RestApi.date(incident.creationTime()));
    node.put("state", "ACTIVE");
    node.put("incidentKey", Long.toString(incident.key()));
    node.put("processInstanceKey", Long.toString(incident.processInstanceKey()));
    node.put("rootProcessInstanceKey", Long.toString(incident.processInstanceKey()));
    node.put("elementInstanceKey", Long.toString(incident.elementInstanceKey()));
    if (incident.jobKey() > 0) {
      node.put("jobKey", Long.toString(incident.jobKey()));
    } else {
      node.putNull("jobKey");
    }
    return node;
  }

  /** {@code GET /v2/incidents/{key}}: an open incident (resolved ones are not kept). */
  Reply incident(long key) {
    Incident incident = engine.incident(key).orElseThrow(() -> notFound("Incident", key));
    ProcessInstanceSnapshot instance =
        engine.processInstance(incident.processInstanceKey()).orElse(null);
    ObjectNode node = Commands.JSON.createObjectNode();
    if (instance != null) {
      node.put("processDefinitionId", instance.bpmnProcessId());
      node.put("processDefinitionKey", Long.toString(instance.processDefinitionKey()));
      node.put("tenantId", instance.tenantId());
    }
    node.put("errorType", incident.errorType());
    node.put("errorMessage", incident.errorMessage());
    node.put("elementId", incident.elementId());
    node.put("creationTime", RestApi.date(incident.creationTime()));
    node.put("state", "ACTIVE");
    node.put("incidentKey", Long.toString(incident.key()));
    node.put("processInstanceKey", Long.toString(incident.processInstanceKey()));
    node.put("rootProcessInstanceKey", Long.toString(incident.processInstanceKey()));
    node.put("elementInstanceKey", Long.toString(incident.elementInstanceKey()));
    if (incident.jobKey() > 0) {
      node.put("jobKey", Long.toString(incident.jobKey()));
    } else {
      node.putNull("jobKey");
    }
    return Reply.ok(node);
  }

  private static <T> Reply page(
      SearchResult<T> result, SearchQuery query, Function<T, ObjectNode> item) {
    ObjectNode reply = Commands.JSON.createObjectNode();
    ArrayNode items = reply.putArray("items");
    for (T t : result.items()) {
      items.add(item.apply(t));
    }
    SearchRequests.page(reply, result, query);
    return Reply.ok(reply);
  }
}
