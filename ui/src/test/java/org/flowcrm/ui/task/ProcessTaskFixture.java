package org.flowcrm.ui.task;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.response.UserTask;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the test model {@code bpmn/ui-test-inbox.bpmn} on the embedded engine through the official
 * client: deploys it, starts instances whose user task gets the given assignee, candidate groups
 * and due date, and waits until the task exists. The engine takes {@code .bpmn} and {@code .xml}
 * resources only, so the form is not deployed: the ui reads it from {@code
 * forms/ui-test-check-order.form} on the classpath.
 */
public final class ProcessTaskFixture {

  public static final String PROCESS = "ui-test-inbox";
  public static final String JOB_AFTER_TASK = "ui-test.record-check";

  private final CamundaClient client;

  public ProcessTaskFixture(CamundaClient client) {
    this.client = client;
    client
        .newDeployResourceCommand()
        .addResourceFromClasspath("bpmn/" + PROCESS + ".bpmn")
        .send()
        .join();
  }

  /** Starts an instance and returns its open user task. */
  public UserTask start(
      String assignee, List<String> groups, Instant due, Map<String, Object> more) {
    Map<String, Object> variables = new HashMap<>(more);
    variables.put("assignee", assignee == null ? "" : assignee);
    variables.put("groups", groups);
    variables.put("due", due == null ? "" : due.toString());
    long instance =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId(PROCESS)
            .latestVersion()
            .variables(variables)
            .send()
            .join()
            .getProcessInstanceKey();
    return awaitTask(instance);
  }

  public UserTask awaitTask(long processInstanceKey) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (Instant.now().isBefore(deadline)) {
      List<UserTask> found =
          client
              .newUserTaskSearchRequest()
              .filter(f -> f.processInstanceKey(processInstanceKey))
              .send()
              .join()
              .items();
      if (!found.isEmpty()) {
        return found.get(0);
      }
      sleep();
    }
    throw new AssertionError("No user task for process instance " + processInstanceKey);
  }

  public UserTask get(long userTaskKey) {
    return client.newUserTaskGetRequest(userTaskKey).send().join();
  }

  /**
   * The variables the job after the user task sees once the task is completed, as a job worker gets
   * them (typed by the client's JSON mapping); completes that job.
   */
  public Map<String, Object> variablesAfterTask(long processInstanceKey) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (Instant.now().isBefore(deadline)) {
      List<ActivatedJob> jobs =
          client
              .newActivateJobsCommand()
              .jobType(JOB_AFTER_TASK)
              .maxJobsToActivate(20)
              .timeout(Duration.ofSeconds(2))
              .requestTimeout(Duration.ofSeconds(2))
              .send()
              .join()
              .getJobs();
      for (ActivatedJob job : jobs) {
        if (job.getProcessInstanceKey() == processInstanceKey) {
          client.newCompleteCommand(job.getKey()).send().join();
          return job.getVariablesAsMap();
        }
      }
      sleep();
    }
    throw new AssertionError("No job after the user task of " + processInstanceKey);
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
