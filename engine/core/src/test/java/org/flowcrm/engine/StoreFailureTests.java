package org.flowcrm.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.flowcrm.engine.EngineTestSupport.activate;
import static org.flowcrm.engine.EngineTestSupport.activateOne;
import static org.flowcrm.engine.EngineTestSupport.deploy;
import static org.flowcrm.engine.EngineTestSupport.instance;
import static org.flowcrm.engine.EngineTestSupport.start;

import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.flowcrm.engine.api.EngineException;
import org.flowcrm.engine.api.ProcessEngine;
import org.flowcrm.engine.api.Rejection;
import org.flowcrm.engine.store.EngineStore;
import org.flowcrm.engine.store.InMemoryEngineStore;
import org.junit.jupiter.api.Test;

/** When the store refuses a batch, its commands fail and the engine goes on from what is stored. */
class StoreFailureTests {

  /** A store that can be told to fail its next commit. */
  private static final class FlakyStore implements EngineStore {
    final InMemoryEngineStore delegate = new InMemoryEngineStore();
    final AtomicBoolean failNext = new AtomicBoolean();

    @Override
    public Snapshot load() {
      return delegate.load();
    }

    @Override
    public void commit(Changes changes) {
      if (failNext.getAndSet(false)) {
        throw new IllegalStateException("disk full");
      }
      delegate.commit(changes);
    }

    @Override
    public Optional<FinishedInstance> findFinished(long processInstanceKey) {
      return delegate.findFinished(processInstanceKey);
    }

    @Override
    public FinishedPage searchFinished(FinishedQuery query) {
      return delegate.searchFinished(query);
    }

    @Override
    public void close() {}
  }

  @Test
  void aFailedCommitFailsItsCommandsAndForgetsTheirChanges() {
    FlakyStore store = new FlakyStore();
    ProcessEngine engine = EngineFactory.onStore(EngineSettings.defaults(), store);
    try {
      deploy(
          engine,
          Bpmn.createExecutableProcess("p")
              .startEvent()
              .serviceTask("a", t -> t.zeebeJobType("a"))
              .serviceTask("b", t -> t.zeebeJobType("b"))
              .endEvent()
              .done());
      long key = start(engine, "p", Map.of());
      var job = activateOne(engine, "a");

      store.failNext.set(true);
      assertThatThrownBy(() -> engine.completeJob(job.key(), Map.of("x", 1)))
          .isInstanceOfSatisfying(
              EngineException.class,
              e -> assertThat(e.rejection()).isEqualTo(Rejection.UNAVAILABLE));

      // nothing of the failed completion remains: no job b, no variable, job a still there
      assertThat(activate(engine, "b", 1)).isEmpty();
      assertThat(instance(engine, key).variables()).doesNotContainKey("x");
      engine.completeJob(job.key(), Map.of("x", 2));
      assertThat(activateOne(engine, "b").variables()).containsEntry("x", 2L);
    } finally {
      engine.close();
    }
  }
}
