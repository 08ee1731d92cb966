package org.flowcrm.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.flowcrm.engine.EngineTestSupport.activate;
import static org.flowcrm.engine.EngineTestSupport.activateOne;
import static org.flowcrm.engine.EngineTestSupport.deploy;
import static org.flowcrm.engine.EngineTestSupport.instance;
import static org.flowcrm.engine.EngineTestSupport.start;

import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.flowcrm.engine.api.ActivatedJob;
import org.flowcrm.engine.api.CreateProcessInstance;
import org.flowcrm.engine.api.ProcessEngine;
import org.flowcrm.engine.api.ProcessInstanceResult;
import org.flowcrm.engine.api.ProcessInstanceSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ServiceTaskTests {

  private final ProcessEngine engine = EngineFactory.inMemory(EngineSettings.defaults());

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void runsThreeServiceTasksInOrderAndKeepsTheVariablesOfEach() {
    deploy(
        engine,
        Bpmn.createExecutableProcess("order")
            .startEvent()
            .serviceTask("check", t -> t.zeebeJobType("check"))
            .sendTask("notify", t -> t.zeebeJobType("notify"))
            .businessRuleTask("score", t -> t.zeebeJobType("score"))
            .endEvent()
            .done());
    long key = start(engine, "order", Map.of("amount", 10));

    assertThat(activate(engine, "notify", 1)).isEmpty();
    ActivatedJob check = activateOne(engine, "check");
    assertThat(check.processInstanceKey()).isEqualTo(key);
    assertThat(check.elementId()).isEqualTo("check");
    assertThat(check.bpmnProcessId()).isEqualTo("order");
    assertThat(check.retries()).isEqualTo(3);
    assertThat(check.variables()).containsEntry("amount", 10L);
    assertThat(check.key()).isGreaterThan(1L << 51);
    engine.completeJob(check.key(), Map.of("checked", true));

    ActivatedJob notify = activateOne(engine, "notify");
    assertThat(notify.variables()).containsEntry("checked", true);
    engine.completeJob(notify.key(), Map.of());
    engine.completeJob(activateOne(engine, "score").key(), Map.of("score", 0.75));

    ProcessInstanceSnapshot done = instance(engine, key);
    assertThat(done.state()).isEqualTo(ProcessInstanceSnapshot.COMPLETED);
    assertThat(done.variables())
        .containsEntry("amount", 10L)
        .containsEntry("checked", true)
        .containsEntry("score", 0.75);
  }

  @Test
  void evaluatesJobTypeAndRetriesExpressionsAndPassesHeaders() {
    deploy(
        engine,
        Bpmn.createExecutableProcess("dynamic")
            .startEvent()
            .serviceTask(
                "task",
                t ->
                    t.zeebeJobTypeExpression("\"mail-\" + channel")
                        .zeebeJobRetriesExpression("retries * 2")
                        .zeebeTaskHeader("template", "welcome"))
            .endEvent()
            .done());
    start(engine, "dynamic", Map.of("channel", "sms", "retries", 2));

    ActivatedJob job = activateOne(engine, "mail-sms");
    assertThat(job.retries()).isEqualTo(4);
    assertThat(job.customHeaders()).containsEntry("template", "welcome");
  }

  @Test
  void fetchesOnlyTheRequestedVariables() {
    deploy(
        engine,
        Bpmn.createExecutableProcess("p")
            .startEvent()
            .serviceTask("t", t -> t.zeebeJobType("t"))
            .endEvent()
            .done());
    start(engine, "p", Map.of("a", 1, "b", 2));

    List<ActivatedJob> jobs =
        engine
            .activateJobs(
                new org.flowcrm.engine.api.ActivateJobs(
                    "t", "w", Duration.ofSeconds(30), 5, List.of("b", "missing"), Duration.ZERO))
            .join();

    assertThat(jobs)
        .singleElement()
        .satisfies(j -> assertThat(j.variables()).isEqualTo(Map.of("b", 2L)));
  }

  @Test
  void keepsEveryJsonTypeOfVariable() {
    deploy(
        engine,
        Bpmn.createExecutableProcess("types")
            .startEvent()
            .serviceTask("t", t -> t.zeebeJobType("t"))
            .endEvent()
            .done());
    Map<String, Object> variables =
        Map.of(
            "text",
            "héllo",
            "int",
            42,
            "big",
            9_007_199_254_740_993L,
            "decimal",
            1.5,
            "flag",
            false,
            "list",
            List.of(1, "two", Map.of("three", 3)),
            "object",
            Map.of("nested", Map.of("deep", List.of())));
    java.util.HashMap<String, Object> withNull = new java.util.HashMap<>(variables);
    withNull.put("nothing", null);
    start(engine, "types", withNull);

    ActivatedJob job = activateOne(engine, "t");
    assertThat(job.variables())
        .containsEntry("text", "héllo")
        .containsEntry("int", 42L)
        .containsEntry("big", 9_007_199_254_740_993L)
        .containsEntry("decimal", 1.5)
        .containsEntry("flag", false)
        .containsEntry("nothing", null)
        .containsEntry("list", List.of(1L, "two", Map.of("three", 3L)))
        .containsEntry("object", Map.of("nested", Map.of("deep", List.of())));
  }

  @Test
  void answersCreateWithResultWhenTheInstanceCompletes() {
    deploy(
        engine,
        Bpmn.createExecutableProcess("quick")
            .startEvent()
            .serviceTask("t", t -> t.zeebeJobType("t"))
            .endEvent()
            .done());
    var future =
        engine.createProcessInstanceWithResult(
            new CreateProcessInstance(0, "quick", -1, Map.of("in", 1), null),
            Duration.ofSeconds(10),
            List.of("out"));
    assertThat(future).isNotDone();

    engine.completeJob(activateOne(engine, "t").key(), Map.of("out", "yes", "other", 1));

    ProcessInstanceResult result = future.join();
    assertThat(result.bpmnProcessId()).isEqualTo("quick");
    assertThat(result.variables()).isEqualTo(Map.of("out", "yes"));
  }

  @Test
  void aJobTypeThatIsNotAStringIsAnIncident() {
    deploy(
        engine,
        Bpmn.createExecutableProcess("badtype")
            .startEvent()
            .serviceTask("t", t -> t.zeebeJobTypeExpression("count"))
            .endEvent()
            .done());
    long key = start(engine, "badtype", Map.of("count", 3));

    var incident = EngineTestSupport.onlyIncident(engine, key);
    assertThat(incident.errorType()).isEqualTo("EXTRACT_VALUE_ERROR");
    assertThat(incident.errorMessage())
        .isEqualTo("Expected result of the expression 'count' to be 'STRING', but was 'NUMBER'.");

    engine.setVariables(key, Map.of("count", "three"), false);
    engine.resolveIncident(incident.key());
    assertThat(activateOne(engine, "three")).isNotNull();
  }

  @Test
  void createWithResultFailsWhenTheInstanceIsCancelled() {
    deploy(
        engine,
        Bpmn.createExecutableProcess("cancelled")
            .startEvent()
            .serviceTask("t", t -> t.zeebeJobType("t"))
            .endEvent()
            .done());
    var future =
        engine.createProcessInstanceWithResult(
            new CreateProcessInstance(0, "cancelled", -1, Map.of(), null),
            Duration.ofSeconds(10),
            List.of());
    ActivatedJob job = activateOne(engine, "t");

    engine.cancelProcessInstance(job.processInstanceKey());

    org.assertj.core.api.Assertions.assertThatThrownBy(future::join)
        .hasCauseInstanceOf(org.flowcrm.engine.api.EngineException.class);
  }
}
