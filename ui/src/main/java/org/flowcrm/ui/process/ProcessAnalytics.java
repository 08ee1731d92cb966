package org.flowcrm.ui.process;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ElementInstanceState;
import io.camunda.client.api.search.enums.ElementInstanceType;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.client.api.search.response.ProcessDefinition;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.client.api.statistics.response.ProcessElementStatistics;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.flowcrm.crm.permission.AccessPolicy;
import org.flowcrm.crm.permission.Action;
import org.flowcrm.crm.permission.EntityType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Process analytics read only through the official Camunda client, as against a real Camunda 8.9
 * cluster: the per-element statistics of a process version (passed, waiting, incidents), time spent
 * per element from the completed element instances' start and end dates, and SLA breaches (open
 * user tasks past their due date). Reports are for callers with REPORT read permission.
 *
 * <p>Bounded: durations come from the newest {@value #MAX_ELEMENT_INSTANCES} completed element
 * instances of the version (pages of {@value #PAGE}), overdue tasks from at most {@value
 * #MAX_OVERDUE_TASKS}; the report says when a cap was reached.
 *
 * <p>Public, with public records, only because FreeMarker reads record accessors of public types.
 */
@Component
public class ProcessAnalytics {

  static final int MAX_ELEMENT_INSTANCES = 10_000;
  static final int MAX_OVERDUE_TASKS = 10_000;
  static final int PAGE = 1_000;

  /** Analytics reads more than a page of the CRM does; give the engine time when it is busy. */
  static final Duration QUERY_TIMEOUT = Duration.ofSeconds(30);

  private final ObjectProvider<CamundaClient> clients;
  private final AccessPolicy policy;

  ProcessAnalytics(ObjectProvider<CamundaClient> clients, AccessPolicy policy) {
    this.clients = clients;
    this.policy = policy;
  }

  /** A deployed version of the process. */
  public record Version(long key, int version, String name) {}

  /**
   * One element of the diagram: {@code passed} = completed instances, {@code medianMillis} / {@code
   * p90Millis} of their time spent (null without completed ones), {@code waiting} = active now
   * (without an incident), {@code slaBreaches} = open user tasks past due, {@code incidents} = held
   * by an open incident, {@code canceled} = terminated.
   */
  public record ElementRow(
      String elementId,
      String name,
      long passed,
      Long medianMillis,
      Long p90Millis,
      long waiting,
      long slaBreaches,
      long incidents,
      long canceled) {}

  /** The report of one version: its rows in diagram order and how much history was sampled. */
  public record Report(
      String processId,
      Version version,
      List<Version> versions,
      List<ElementRow> elements,
      int sampledInstances,
      boolean sampleCapped) {}

  /** A row as the page shows it: the figures plus the times in words of the reader's language. */
  public record Row(ElementRow figures, String median, String p90) {}

  /** Per element of the latest version: instances waiting there and open incidents. */
  public record ElementCounts(String elementId, long active, long incidents) {}

  /** Whether a client (an engine) is there at all; without one there is nothing to report. */
  boolean available() {
    return clients.getIfAvailable() != null;
  }

  /** Refuses (403) callers without REPORT read permission. */
  void requireReader() {
    policy.requireAny(EntityType.REPORT, Action.READ);
  }

  /** Deployed versions of a process id, newest first; empty when it was never deployed. */
  List<Version> versions(String processId) {
    requireReader();
    CamundaClient client = client();
    List<Version> versions = new ArrayList<>();
    for (ProcessDefinition d :
        client
            .newProcessDefinitionSearchRequest()
            .filter(f -> f.processDefinitionId(processId))
            .sort(s -> s.version().desc())
            .page(p -> p.limit(PAGE))
            .requestTimeout(QUERY_TIMEOUT)
            .send()
            .join()
            .items()) {
      versions.add(new Version(d.getProcessDefinitionKey(), d.getVersion(), d.getName()));
    }
    return versions;
  }

  /** The BPMN of a deployed version, as the engine has it. */
  String xml(long processDefinitionKey) {
    requireReader();
    return client()
        .newProcessDefinitionGetXmlRequest(processDefinitionKey)
        .requestTimeout(QUERY_TIMEOUT)
        .send()
        .join();
  }

  /** The report of a version ({@code version} null = the latest); empty when none is deployed. */
  Optional<Report> report(String processId, Integer version) {
    List<Version> versions = versions(processId);
    Optional<Version> chosen =
        versions.stream().filter(v -> version == null || v.version() == version).findFirst();
    if (chosen.isEmpty()) {
      return Optional.empty();
    }
    CamundaClient client = client();
    long key = chosen.get().key();
    Map<String, String> names = elementNames(xml(key));

    Map<String, ProcessElementStatistics> statistics = new HashMap<>();
    for (ProcessElementStatistics s :
        client
            .newProcessDefinitionElementStatisticsRequest(key)
            .requestTimeout(QUERY_TIMEOUT)
            .send()
            .join()) {
      statistics.put(s.getElementId(), s);
    }

    Map<String, List<Long>> spent = new HashMap<>();
    int sampled = 0;
    boolean capped = false;
    for (int from = 0; from < MAX_ELEMENT_INSTANCES; from += PAGE) {
      int offset = from;
      List<ElementInstance> page =
          client
              .newElementInstanceSearchRequest()
              .filter(f -> f.processDefinitionKey(key).state(ElementInstanceState.COMPLETED))
              .sort(s -> s.endDate().desc())
              .page(p -> p.from(offset).limit(PAGE))
              .requestTimeout(QUERY_TIMEOUT)
              .send()
              .join()
              .items();
      for (ElementInstance e : page) {
        if (e.getType() == ElementInstanceType.MULTI_INSTANCE_BODY
            || e.getStartDate() == null
            || e.getEndDate() == null) {
          continue;
        }
        spent
            .computeIfAbsent(e.getElementId(), k -> new ArrayList<>())
            .add(Duration.between(e.getStartDate(), e.getEndDate()).toMillis());
      }
      sampled += page.size();
      if (page.size() < PAGE) {
        break;
      }
      capped = from + PAGE >= MAX_ELEMENT_INSTANCES;
    }

    Map<String, Long> overdue = new HashMap<>();
    OffsetDateTime now = OffsetDateTime.now();
    for (int from = 0; from < MAX_OVERDUE_TASKS; from += PAGE) {
      int offset = from;
      List<UserTask> page =
          client
              .newUserTaskSearchRequest()
              .filter(
                  f ->
                      f.processDefinitionKey(key)
                          .state(UserTaskState.CREATED)
                          .dueDate(d -> d.lt(now)))
              .page(p -> p.from(offset).limit(PAGE))
              .requestTimeout(QUERY_TIMEOUT)
              .send()
              .join()
              .items();
      for (UserTask t : page) {
        overdue.merge(t.getElementId(), 1L, Long::sum);
      }
      if (page.size() < PAGE) {
        break;
      }
    }

    // rows in the diagram's order, then anything the engine knows that the diagram does not name
    Set<String> ids = new LinkedHashSet<>();
    for (String id : names.keySet()) {
      if (statistics.containsKey(id) || spent.containsKey(id) || overdue.containsKey(id)) {
        ids.add(id);
      }
    }
    ids.addAll(statistics.keySet());
    List<ElementRow> rows = new ArrayList<>();
    for (String id : ids) {
      ProcessElementStatistics s = statistics.get(id);
      List<Long> durations = spent.getOrDefault(id, List.of());
      rows.add(
          new ElementRow(
              id,
              names.getOrDefault(id, id),
              s == null ? 0 : value(s.getCompleted()),
              percentile(durations, 50),
              percentile(durations, 90),
              s == null ? 0 : value(s.getActive()),
              overdue.getOrDefault(id, 0L),
              s == null ? 0 : value(s.getIncidents()),
              s == null ? 0 : value(s.getCanceled())));
    }
    return Optional.of(new Report(processId, chosen.get(), versions, rows, sampled, capped));
  }

  /** Waiting and incident counts per element of the latest version (the diagram's badges). */
  Optional<List<ElementCounts>> latestCounts(String processId) {
    List<Version> versions = versions(processId);
    if (versions.isEmpty()) {
      return Optional.empty();
    }
    List<ElementCounts> counts = new ArrayList<>();
    for (ProcessElementStatistics s :
        client()
            .newProcessDefinitionElementStatisticsRequest(versions.get(0).key())
            .requestTimeout(QUERY_TIMEOUT)
            .send()
            .join()) {
      if (value(s.getActive()) > 0 || value(s.getIncidents()) > 0) {
        counts.add(
            new ElementCounts(s.getElementId(), value(s.getActive()), value(s.getIncidents())));
      }
    }
    return Optional.of(counts);
  }

  /**
   * The nearest-rank percentile (the median of an even count is the upper middle value, so every
   * figure shown is a time some instance really took); null without values.
   */
  static Long percentile(List<Long> values, int percent) {
    if (values.isEmpty()) {
      return null;
    }
    List<Long> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size(), rank) - 1));
  }

  private static long value(Long count) {
    return count == null ? 0 : count;
  }

  /** Element id → name (the id when unnamed) of every flow element, in document order. */
  static Map<String, String> elementNames(String xml) {
    Map<String, String> names = new LinkedHashMap<>();
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      NodeList all =
          factory
              .newDocumentBuilder()
              .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
              .getElementsByTagNameNS("http://www.omg.org/spec/BPMN/20100524/MODEL", "*");
      for (int i = 0; i < all.getLength(); i++) {
        Element e = (Element) all.item(i);
        String id = e.getAttribute("id");
        String local = e.getLocalName();
        if (id.isEmpty() || !isFlowNode(local)) {
          continue;
        }
        String name = e.getAttribute("name");
        names.put(id, name.isBlank() ? id : name.strip());
      }
    } catch (Exception unreadable) {
      // the table still lists the engine's element ids; only the names are missing
    }
    return names;
  }

  private static boolean isFlowNode(String localName) {
    return localName.endsWith("Task")
        || localName.endsWith("Event")
        || localName.endsWith("Gateway")
        || localName.equals("subProcess")
        || localName.equals("callActivity")
        || localName.equals("task")
        || localName.equals("transaction");
  }

  private CamundaClient client() {
    CamundaClient client = clients.getIfAvailable();
    if (client == null) {
      throw new IllegalStateException("No process engine is connected");
    }
    return client;
  }
}
