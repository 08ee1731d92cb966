package org.flowcrm.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.flowcrm.engine.api.ActivateJobs;
import org.flowcrm.engine.api.ActivatedJob;
import org.flowcrm.engine.api.CreateProcessInstance;
import org.flowcrm.engine.api.DeployResource;
import org.flowcrm.engine.api.Deployment;
import org.flowcrm.engine.api.Incident;
import org.flowcrm.engine.api.ProcessEngine;
import org.flowcrm.engine.api.ProcessInstanceSnapshot;

/** Small helpers shared by the behaviour tests: deploy a model, start it, take jobs. */
public final class EngineTestSupport {

  private EngineTestSupport() {}

  /** A clock a test can move forward. */
  public static final class TestClock extends Clock {
    private final AtomicLong millis =
        new AtomicLong(Instant.parse("2026-01-01T00:00:00Z").toEpochMilli());

    public void advance(Duration duration) {
      millis.addAndGet(duration.toMillis());
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public long millis() {
      return millis.get();
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis());
    }
  }

  public static Deployment deploy(ProcessEngine engine, BpmnModelInstance model) {
    return deploy(engine, "process.bpmn", Bpmn.convertToString(model));
  }

  public static Deployment deploy(ProcessEngine engine, String name, String xml) {
    return engine.deploy(
        List.of(new DeployResource(name, xml.getBytes(StandardCharsets.UTF_8))), null);
  }

  public static long start(ProcessEngine engine, String processId, Map<String, Object> variables) {
    return engine
        .createProcessInstance(
            new CreateProcessInstance(
                0, processId, CreateProcessInstance.LATEST_VERSION, variables, null))
        .processInstanceKey();
  }

  public static List<ActivatedJob> activate(ProcessEngine engine, String type, int max) {
    return engine
        .activateJobs(
            new ActivateJobs(
                type, "test-worker", Duration.ofMinutes(5), max, List.of(), Duration.ZERO))
        .join();
  }

  /** Activates exactly one job of the type and returns it. */
  public static ActivatedJob activateOne(ProcessEngine engine, String type) {
    List<ActivatedJob> jobs = activate(engine, type, 1);
    assertThat(jobs).as("activatable jobs of type %s", type).hasSize(1);
    return jobs.get(0);
  }

  public static ProcessInstanceSnapshot instance(ProcessEngine engine, long key) {
    return engine.processInstance(key).orElseThrow();
  }

  public static Incident onlyIncident(ProcessEngine engine, long instanceKey) {
    List<Incident> incidents = engine.incidents(instanceKey);
    assertThat(incidents).hasSize(1);
    return incidents.get(0);
  }

  public static List<String> activeElements(ProcessEngine engine, long instanceKey) {
    return instance(engine, instanceKey).elementInstances().stream()
        .map(ProcessInstanceSnapshot.ElementInstanceSnapshot::elementId)
        .sorted()
        .toList();
  }
}
