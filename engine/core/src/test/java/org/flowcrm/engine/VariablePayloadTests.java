package org.flowcrm.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.flowcrm.engine.EngineTestSupport.activateOne;
import static org.flowcrm.engine.EngineTestSupport.deploy;
import static org.flowcrm.engine.EngineTestSupport.instance;
import static org.flowcrm.engine.EngineTestSupport.start;

import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.flowcrm.engine.api.CreateProcessInstance;
import org.flowcrm.engine.api.EngineException;
import org.flowcrm.engine.api.ProcessEngine;
import org.flowcrm.engine.api.Rejection;
import org.flowcrm.engine.api.VariableDocuments;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class VariablePayloadTests {

  private static final int LIMIT = 10_000;
  private final ProcessEngine engine =
      EngineFactory.inMemory(new EngineSettings(LIMIT, java.time.Clock.systemUTC()));

  @BeforeEach
  void deployProcess() {
    deploy(
        engine,
        Bpmn.createExecutableProcess("p")
            .startEvent()
            .serviceTask("t", t -> t.zeebeJobType("t"))
            .endEvent()
            .done());
  }

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void payloadsAboveTheLimitAreRefusedAndChangeNothing() {
    long key = start(engine, "p", Map.of("small", "x"));
    var job = activateOne(engine, "t");
    String big = "x".repeat(LIMIT);

    assertThatThrownBy(() -> engine.completeJob(job.key(), Map.of("big", big)))
        .isInstanceOfSatisfying(
            EngineException.class,
            e -> {
              assertThat(e.rejection()).isEqualTo(Rejection.RESOURCE_EXHAUSTED);
              assertThat(e.getMessage()).contains("EXCEEDED_BATCH_RECORD_SIZE");
            });
    assertThatThrownBy(() -> start(engine, "p", Map.of("big", big)))
        .isInstanceOf(EngineException.class);
    assertThatThrownBy(() -> engine.setVariables(key, Map.of("big", big), false))
        .isInstanceOf(EngineException.class);

    assertThat(instance(engine, key).variables()).isEqualTo(Map.of("small", "x"));
    engine.completeJob(job.key(), Map.of("fits", "y".repeat(LIMIT / 2)));
    assertThat(instance(engine, key).state()).isEqualTo("COMPLETED");
  }

  @Test
  void variableDocumentsMustBeJsonObjects() {
    assertThat(VariableDocuments.parse("{\"a\": 1, \"b\": [1.5, null, {\"c\": true}]}"))
        .containsEntry("a", 1L)
        .containsEntry("b", java.util.Arrays.asList(1.5, null, Map.of("c", true)));
    assertThat(VariableDocuments.parse("")).isEmpty();
    for (String bad : List.of("[1,2]", "42", "\"text\"", "{broken")) {
      assertThatThrownBy(() -> VariableDocuments.parse(bad))
          .isInstanceOfSatisfying(
              EngineException.class,
              e -> assertThat(e.rejection()).isEqualTo(Rejection.INVALID_ARGUMENT));
    }
  }

  @Test
  void createWithResultTimesOutWithDeadlineExceededWhileTheInstanceGoesOn() {
    var future =
        engine.createProcessInstanceWithResult(
            new CreateProcessInstance(0, "p", -1, Map.of(), null),
            Duration.ofMillis(200),
            List.of());

    assertThatThrownBy(future::join)
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOfSatisfying(
            EngineException.class,
            e -> assertThat(e.rejection()).isEqualTo(Rejection.DEADLINE_EXCEEDED));
    assertThat(activateOne(engine, "t")).isNotNull();
  }
}
