package org.flowcrm.engine.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EngineStateTests {

  @Test
  void keysStartInPartitionOneAndNeverGoBack() {
    EngineState fresh = new EngineState(0);
    long first = fresh.nextKey();
    assertThat(first).isEqualTo((1L << 51) + 1);
    assertThat(fresh.nextKey()).isEqualTo(first + 1);
    assertThat(new EngineState(fresh.peekNextKey()).nextKey()).isEqualTo(first + 2);
  }

  @Test
  void dueJobsIgnoreMovedDeadlinesAndTheQueueStaysBounded() {
    EngineState state = new EngineState(0);
    ProcessInstance instance = new ProcessInstance();
    instance.key = state.nextKey();
    state.addInstance(instance);
    Job job = new Job();
    job.key = state.nextKey();
    job.type = "t";
    job.processInstanceKey = instance.key;
    state.addJob(instance, job);
    assertThat(state.activatable("t", 10)).containsExactly(job);

    // a worker extends its timeout many times: only the last deadline counts
    for (int i = 1; i <= 5000; i++) {
      state.transition(job, Job.State.ACTIVATED, 1000L + i);
    }
    assertThat(state.activatable("t", 10)).isEmpty();
    assertThat(state.dueJobs(4000)).isEmpty();
    assertThat(state.nextDeadline()).isGreaterThan(1000L);
    assertThat(state.dueJobs(6000)).isEqualTo(List.of(job));

    state.removeJob(instance, job);
    assertThat(state.job(job.key)).isNull();
    assertThat(state.dueJobs(Long.MAX_VALUE)).isEmpty();
  }
}
