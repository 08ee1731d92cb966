package org.flowcrm.workers.execution;

import io.camunda.client.jobhandling.CamundaClientExecutorService;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.flowcrm.crm.permission.SystemUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Replaces the Camunda Spring SDK's default executors (its auto-configuration backs off when this
 * bean exists) with ones whose job-handling threads run every handler as {@link SystemUser}. The
 * SDK hands each activated job, polled or streamed, to the job-handling executor, so this is the
 * one place where "processes act as the system user" holds for every {@code @JobWorker}.
 */
@Configuration(proxyBeanMethods = false)
class SystemUserJobExecution {

  @Bean
  CamundaClientExecutorService camundaClientExecutorService(
      SystemUser systemUser, @Value("${camunda.client.execution-threads:4}") int threads) {
    ExecutorService handlers =
        Executors.newFixedThreadPool(threads, new CustomizableThreadFactory("flowcrm-job-"));
    return new CamundaClientExecutorService(
        Executors.newScheduledThreadPool(1, new CustomizableThreadFactory("flowcrm-job-poll-")),
        true,
        new RunningAsSystemUser(handlers, systemUser),
        true);
  }

  /** Runs each task as the system user; the thread's own context is restored after each task. */
  static final class RunningAsSystemUser extends AbstractExecutorService {

    private final ExecutorService delegate;
    private final SystemUser systemUser;

    RunningAsSystemUser(ExecutorService delegate, SystemUser systemUser) {
      this.delegate = delegate;
      this.systemUser = systemUser;
    }

    @Override
    public void execute(Runnable task) {
      delegate.execute(() -> systemUser.runAs(task));
    }

    @Override
    public void shutdown() {
      delegate.shutdown();
    }

    @Override
    public List<Runnable> shutdownNow() {
      return delegate.shutdownNow();
    }

    @Override
    public boolean isShutdown() {
      return delegate.isShutdown();
    }

    @Override
    public boolean isTerminated() {
      return delegate.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
      return delegate.awaitTermination(timeout, unit);
    }
  }
}
