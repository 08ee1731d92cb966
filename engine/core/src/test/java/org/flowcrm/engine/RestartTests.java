package org.flowcrm.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.flowcrm.engine.EngineTestSupport.activate;
import static org.flowcrm.engine.EngineTestSupport.activateOne;
import static org.flowcrm.engine.EngineTestSupport.deploy;
import static org.flowcrm.engine.EngineTestSupport.instance;
import static org.flowcrm.engine.EngineTestSupport.start;

import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.Map;
import org.flowcrm.engine.api.ProcessEngine;
import org.flowcrm.engine.store.InMemoryEngineStore;
import org.junit.jupiter.api.Test;

/**
 * The state an engine stores is all a new engine needs (the store's format, without a database).
 */
class RestartTests {

  @Test
  void aNewEngineOnTheSameStoreContinuesWhereTheOldOneStopped() {
    InMemoryEngineStore store = new InMemoryEngineStore();
    ProcessEngine first = EngineFactory.onStore(EngineSettings.defaults(), store);
    deploy(
        first,
        Bpmn.createExecutableProcess("p")
            .startEvent()
            .parallelGateway("fork")
            .serviceTask("a", t -> t.zeebeJobType("a"))
            .parallelGateway("join")
            .endEvent()
            .moveToNode("fork")
            .subProcess("sub", s -> s.zeebeInputExpression("1", "local"))
            .embeddedSubProcess()
            .startEvent()
            .serviceTask("b", t -> t.zeebeJobType("b"))
            .endEvent()
            .subProcessDone()
            .connectTo("join")
            .done());
    long key = start(first, "p", Map.of("v", "kept"));
    first.completeJob(activateOne(first, "a").key(), Map.of("fromA", 1));
    first.close();

    ProcessEngine second = EngineFactory.onStore(EngineSettings.defaults(), store);
    try {
      var b = activateOne(second, "b");
      assertThat(b.variables()).containsEntry("local", 1L).containsEntry("v", "kept");
      second.completeJob(b.key(), Map.of());
      // the join remembered the token that arrived from "a" before the restart
      assertThat(instance(second, key).state()).isEqualTo("COMPLETED");
      assertThat(instance(second, key).variables()).containsEntry("fromA", 1L);
      assertThat(activate(second, "a", 1)).isEmpty();
      assertThat(store.finishedInstances()).containsKey(key);
    } finally {
      second.close();
    }
  }
}
