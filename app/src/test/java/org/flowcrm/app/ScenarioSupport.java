package org.flowcrm.app;

import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The people's tools shared by the scenario tests: finding and completing user tasks through the
 * Camunda client (as the task inbox does), waiting for a process step, and reading caught mail.
 */
final class ScenarioSupport {

  static final Duration STEP = Duration.ofSeconds(30);
  static final String ADMIN_PASSWORD = "test-admin-password";

  private final CamundaClient client;

  ScenarioSupport(CamundaClient client) {
    this.client = client;
  }

  /** The open user task at {@code elementId} of the instance, once the process reaches it. */
  UserTask openTask(long processInstanceKey, String elementId) {
    return eventually(
        () -> openTasks(processInstanceKey, elementId).stream().findFirst().orElse(null));
  }

  List<UserTask> openTasks(long processInstanceKey, String elementId) {
    return tasks(processInstanceKey, elementId).stream()
        .filter(t -> t.getState() == UserTaskState.CREATED)
        .toList();
  }

  /** Every user task, open or done, the instance created at {@code elementId}. */
  List<UserTask> tasks(long processInstanceKey, String elementId) {
    return client
        .newUserTaskSearchRequest()
        .filter(f -> f.processInstanceKey(processInstanceKey).elementId(elementId))
        .send()
        .join()
        .items();
  }

  /** The open "Deliver order" task of the courier process called by the deal's process. */
  UserTask courierTaskOf(long dealInstance) {
    return eventually(() -> findCourierTask(dealInstance));
  }

  /** The open "Deliver order" task of the deal's courier process, or null when there is none. */
  UserTask findCourierTask(long dealInstance) {
    return client
        .newUserTaskSearchRequest()
        .filter(f -> f.elementId("deliver-order").state(UserTaskState.CREATED))
        .send()
        .join()
        .items()
        .stream()
        .filter(
            t ->
                dealInstance
                    == client
                        .newProcessInstanceGetRequest(t.getProcessInstanceKey())
                        .send()
                        .join()
                        .getParentProcessInstanceKey())
        .findFirst()
        .orElse(null);
  }

  void complete(UserTask task, Map<String, Object> variables) {
    client.newCompleteUserTaskCommand(task.getUserTaskKey()).variables(variables).send().join();
  }

  /** Waits for a step of the process: the value once it is not null. */
  static <T> T eventually(Callable<T> probe) {
    // Polled on the test thread, which holds the signed-in user.
    return await()
        .atMost(STEP)
        .pollInSameThread()
        .pollInterval(Duration.ofMillis(200))
        .until(probe, v -> v != null);
  }

  static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  static String recipients(MimeMessage message) {
    try {
      return Arrays.toString(message.getAllRecipients());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
