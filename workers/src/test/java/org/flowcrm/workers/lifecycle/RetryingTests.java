package org.flowcrm.workers.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RetryingTests {

  private final Retrying retrying = new Retrying(4, Duration.ofMillis(10));

  @AfterEach
  void stop() throws InterruptedException {
    retrying.destroy();
  }

  @Test
  void aFailingCallIsRetriedUntilItSucceeds() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(1);
    retrying.submit(
        "flaky",
        () -> {
          if (calls.incrementAndGet() < 3) {
            throw new IllegalStateException("engine unavailable");
          }
          done.countDown();
        });
    assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(calls).hasValue(3);
  }

  @Test
  void aCallThatAlwaysFailsStopsAfterTheLastAttempt() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    retrying.submit(
        "broken",
        () -> {
          calls.incrementAndGet();
          throw new IllegalStateException("engine unavailable");
        });
    // 4 attempts with backoffs of 10, 20 and 40 ms; then nothing more.
    Thread.sleep(600);
    assertThat(calls).hasValue(4);
  }
}
