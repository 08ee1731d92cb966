package org.flowcrm.ui.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.client.api.statistics.response.ProcessElementStatistics;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.flowcrm.crm.permission.Action;
import org.flowcrm.crm.permission.EntityType;
import org.flowcrm.crm.permission.Permission;
import org.flowcrm.crm.permission.RoleCommand;
import org.flowcrm.crm.permission.RoleService;
import org.flowcrm.crm.permission.Scope;
import org.flowcrm.crm.security.CrmUserPrincipal;
import org.flowcrm.crm.security.PasswordService;
import org.flowcrm.crm.user.UserCommand;
import org.flowcrm.crm.user.UserService;
import org.flowcrm.crm.user.UserView;
import org.flowcrm.ui.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The process analytics page on the embedded engine, read through the official client: instances of
 * a small process sent to different elements (done, waiting at an overdue user task, held by an
 * incident, cancelled), the table's figures per element, the heat map's overlays on the deployed
 * diagram, the viewer's waiting/incident badges, and the 403 for a manager without REPORT read.
 */
class ProcessAnalyticsIT extends BrowserTest {

  private static final AtomicInteger ids = new AtomicInteger();

  /** Generous: the build machine is shared, and a slow commit must not fail the test. */
  private static final Duration SLOW = Duration.ofSeconds(60);

  @Autowired CamundaClient client;
  @Autowired RoleService roles;
  @Autowired UserService users;
  @Autowired PasswordService passwords;

  /** start → "Check order" (job) → "Review" (zeebe:userTask, due long ago) → end. */
  private String deploy() {
    String processId = "ui-analytics-" + ids.incrementAndGet() + "-" + System.nanoTime() % 10_000;
    String xml =
        Bpmn.convertToString(
            Bpmn.createExecutableProcess(processId)
                .name("Order check")
                .startEvent("start")
                .name("Order in")
                .serviceTask("check", t -> t.name("Check order").zeebeJobType(processId + "-check"))
                .userTask(
                    "review",
                    t -> t.name("Review").zeebeUserTask().zeebeDueDate("2020-01-01T00:00:00Z"))
                .endEvent("end")
                .name("Done")
                .done());
    client
        .newDeployResourceCommand()
        .addResourceString(xml, StandardCharsets.UTF_8, processId + ".bpmn")
        .requestTimeout(SLOW)
        .send()
        .join();
    return processId;
  }

  private long start(String processId) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId(processId)
        .latestVersion()
        .requestTimeout(SLOW)
        .send()
        .join()
        .getProcessInstanceKey();
  }

  private ActivatedJob activate(String type) {
    List<ActivatedJob> jobs =
        client
            .newActivateJobsCommand()
            .jobType(type)
            .maxJobsToActivate(1)
            .timeout(Duration.ofMinutes(5))
            .requestTimeout(Duration.ofSeconds(20))
            .send()
            .join()
            .getJobs();
    assertThat(jobs).hasSize(1);
    return jobs.get(0);
  }

  private UserTask openTask(long processInstanceKey) {
    List<UserTask> tasks =
        client
            .newUserTaskSearchRequest()
            .filter(f -> f.processInstanceKey(processInstanceKey))
            .requestTimeout(SLOW)
            .send()
            .join()
            .items();
    assertThat(tasks).hasSize(1);
    return tasks.get(0);
  }

  /**
   * Five instances: two done, one waiting at the (overdue) review, one held by an incident at the
   * check, one cancelled at the check.
   */
  private String runInstances() {
    String processId = deploy();
    long done1 = start(processId);
    long done2 = start(processId);
    start(processId); // will wait at the review
    long failed = start(processId);
    long cancelled = start(processId);
    for (int i = 0; i < 5; i++) {
      ActivatedJob job = activate(processId + "-check");
      if (job.getProcessInstanceKey() == failed) {
        client
            .newFailCommand(job)
            .retries(0)
            .errorMessage("no stock")
            .requestTimeout(SLOW)
            .send()
            .join();
      } else if (job.getProcessInstanceKey() == cancelled) {
        client.newCancelInstanceCommand(cancelled).requestTimeout(SLOW).send().join();
      } else {
        client.newCompleteCommand(job).requestTimeout(SLOW).send().join();
      }
    }
    for (long done : List.of(done1, done2)) {
      client
          .newCompleteUserTaskCommand(openTask(done).getUserTaskKey())
          .requestTimeout(SLOW)
          .send()
          .join();
    }
    return processId;
  }

  /** The table as text: element name → the cells after it. */
  private Map<String, List<String>> table() {
    return browser.findElements(By.cssSelector(".data-table tbody tr")).stream()
        .map(tr -> tr.findElements(By.tagName("td")).stream().map(WebElement::getText).toList())
        .collect(Collectors.toMap(cells -> cells.get(0), cells -> cells.subList(1, cells.size())));
  }

  @Test
  void tableAndHeatMapShowWhereInstancesPassedWaitAndFail() {
    String processId = runInstances();

    open("/processes/" + processId + "/analytics");
    waitFor(By.cssSelector("#viewer[data-state=ready]"));
    assertThat(browser.findElement(By.tagName("h1")).getText())
        .isEqualTo("Process analytics: Order check");

    Map<String, List<String>> rows = table();
    // columns: passed, median, p90, waiting now, past due, incidents
    assertThat(rows).containsOnlyKeys("Order in", "Check order", "Review", "Done");
    assertThat(rows.get("Order in").get(0)).isEqualTo("5");
    List<String> check = rows.get("Check order");
    assertThat(check.get(0)).as("passed").isEqualTo("3");
    assertThat(check.get(1)).as("median").matches("\\d+ ms|[\\d.]+ s");
    assertThat(check.get(3)).as("waiting (the incident is counted apart)").isEqualTo("0");
    assertThat(check.get(5)).as("incidents").isEqualTo("1");
    List<String> review = rows.get("Review");
    assertThat(review.get(0)).as("passed").isEqualTo("2");
    assertThat(review.get(3)).as("waiting").isEqualTo("1");
    assertThat(review.get(4)).as("past due").isEqualTo("1");
    assertThat(review.get(5)).as("incidents").isEqualTo("0");
    assertThat(rows.get("Done").get(0)).isEqualTo("2");
    assertThat(rows.get("Done").get(1)).as("median of the end event").matches("\\d+ ms");

    // the heat map: one layer per element of the table, badges where instances wait or fail
    assertThat(browser.findElements(By.cssSelector(".djs-overlay .analytics-heat"))).hasSize(4);
    WebElement reviewHeat =
        browser.findElement(By.cssSelector(".analytics-heat[data-element-id=review]"));
    assertThat(reviewHeat.getAttribute("data-heat")).isEqualTo("1.00");
    assertThat(reviewHeat.findElement(By.cssSelector(".analytics-waiting")).getText())
        .isEqualTo("1");
    assertThat(
            browser
                .findElement(By.cssSelector(".analytics-heat[data-element-id=check]"))
                .findElement(By.cssSelector(".analytics-incidents"))
                .getText())
        .isEqualTo("1");

    // coloured by median time instead: the layers are repainted from the same table
    browser.findElement(By.cssSelector("input[name=colour][value=median]")).click();
    waitUpTo(Duration.ofSeconds(5))
        .until(
            b ->
                b.findElements(By.cssSelector(".analytics-heat")).stream()
                    .anyMatch(h -> "1.00".equals(h.getAttribute("data-heat"))));
    assertThat(browser.findElements(By.cssSelector(".analytics-heat"))).hasSize(4);
    assertThat(consoleErrors()).isEmpty();
  }

  @Test
  void theViewerShowsWaitingAndIncidentBadgesOfTheLatestVersion() throws IOException {
    String xml;
    try (InputStream in = getClass().getResourceAsStream("/bpmn/ui-test-lead.bpmn")) {
      xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    long definitionKey =
        client
            .newDeployResourceCommand()
            .addResourceString(xml, StandardCharsets.UTF_8, "ui-test-lead.bpmn")
            .requestTimeout(SLOW)
            .send()
            .join()
            .getProcesses()
            .get(0)
            .getProcessDefinitionKey();
    start("ui-test-lead");
    start("ui-test-lead");
    client
        .newFailCommand(activate("flowcrm.test.call-lead"))
        .retries(0)
        .errorMessage("phone off")
        .requestTimeout(SLOW)
        .send()
        .join();
    ProcessElementStatistics call =
        client
            .newProcessDefinitionElementStatisticsRequest(definitionKey)
            .requestTimeout(SLOW)
            .send()
            .join()
            .stream()
            .filter(s -> "Task_Call".equals(s.getElementId()))
            .findFirst()
            .orElseThrow();
    assertThat(call.getActive()).isPositive();
    assertThat(call.getIncidents()).isPositive();

    open("/processes/ui-test-lead");
    waitFor(By.cssSelector("#viewer[data-state=ready]"));
    WebElement badges =
        browser.findElement(By.cssSelector(".analytics-counts[data-element-id=Task_Call]"));
    assertThat(badges.findElement(By.cssSelector(".analytics-waiting")).getText())
        .isEqualTo(String.valueOf(call.getActive()));
    assertThat(badges.findElement(By.cssSelector(".analytics-incidents")).getText())
        .isEqualTo(String.valueOf(call.getIncidents()));

    // the modeler shows the same badges while the analyst edits the model
    open("/processes/ui-test-lead/edit");
    waitFor(By.cssSelector("#modeler[data-state=ready]"));
    assertThat(
            browser
                .findElement(By.cssSelector(".analytics-counts[data-element-id=Task_Call]"))
                .findElement(By.cssSelector(".analytics-incidents"))
                .getText())
        .isEqualTo(String.valueOf(call.getIncidents()));
  }

  @Test
  void aManagerWithoutReportReadIsRefused() {
    String code = "NO_REPORTS_" + ids.incrementAndGet();
    roles.create(new RoleCommand(code, "Manager without reports"));
    roles.updateMatrix(
        code,
        List.of(
            new Permission(EntityType.LEAD, Action.READ, Scope.OWN),
            new Permission(EntityType.REPORT, Action.READ, Scope.NONE)));
    String login = "noreports" + UUID.randomUUID().toString().substring(0, 8);
    UserView user = users.create(new UserCommand(login, "No Reports", null, true));
    roles.assignRoles(user.id(), List.of(code));
    CrmUserPrincipal admin =
        (CrmUserPrincipal) SecurityContextHolder.getContext().getAuthentication().getPrincipal();
    passwords.setPassword(admin, user.id(), "no-reports-password");

    browser.manage().deleteAllCookies();
    signIn(login, "no-reports-password");
    waitFor(By.cssSelector(".user-menu"));
    open("/processes/ui-test-lead/analytics");
    assertThat(browser.findElement(By.tagName("h1")).getText()).contains("403");
    assertThat(browser.findElement(By.tagName("main")).getText())
        .contains("Your role does not allow this.");
    // the counts behind the diagram badges are refused too (the viewer then shows none)
    assertThat(
            script("return fetch('/processes/ui-test-lead/statistics.json').then(r => r.status)"))
        .isEqualTo(403L);
  }
}
