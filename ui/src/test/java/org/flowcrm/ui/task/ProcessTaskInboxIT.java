package org.flowcrm.ui.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.response.UserTask;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flowcrm.crm.lead.LeadCommand;
import org.flowcrm.crm.lead.LeadService;
import org.flowcrm.crm.lead.LeadSource;
import org.flowcrm.crm.process.ProcessLinkService;
import org.flowcrm.crm.process.ProcessSubject;
import org.flowcrm.ui.BrowserTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Process user tasks in the inbox, on the embedded engine through the official client: the mine /
 * my groups / due filters, claim and unclaim, the task page with its lead and its server-rendered
 * Camunda Form, validation at the fields, refusal until the task is assigned to me, and completion
 * whose variables reach the process typed (numbers, booleans).
 */
class ProcessTaskInboxIT extends BrowserTest {

  @Autowired CamundaClient client;
  @Autowired ProcessLinkService processLinks;
  @Autowired LeadService leads;

  private ProcessTaskFixture engine;

  @BeforeEach
  void deploy() {
    engine = new ProcessTaskFixture(client);
  }

  private List<String> processTaskLinks() {
    return browser
        .findElements(By.cssSelector("[data-testid=process-tasks] .data-table a"))
        .stream()
        .map(a -> a.getAttribute("href"))
        .toList();
  }

  private String link(UserTask task) {
    return url("/tasks/process/" + task.getUserTaskKey());
  }

  @Test
  void mineMyGroupsAndDueShowTheRightTasks() {
    Instant tomorrow = Instant.now().plus(Duration.ofDays(1));
    UserTask mine = engine.start("admin", List.of(), tomorrow, Map.of());
    UserTask forMyGroup = engine.start(null, List.of("administrator"), null, Map.of());
    UserTask forCouriers = engine.start(null, List.of("couriers"), tomorrow, Map.of());
    UserTask someoneElses = engine.start("bob", List.of(), tomorrow, Map.of());

    open("/tasks");
    assertThat(processTaskLinks())
        .contains(link(mine))
        .doesNotContain(link(forMyGroup), link(forCouriers), link(someoneElses));
    assertThat(browser.findElement(By.cssSelector("[data-testid=crm-tasks]")).getText())
        .contains("CRM tasks");

    browser.findElement(By.linkText("My groups")).click();
    waitUpTo(Duration.ofSeconds(10)).until(b -> b.getCurrentUrl().contains("process=groups"));
    assertThat(browser.findElement(By.cssSelector("[data-testid=process-tasks]")).getText())
        .contains("administrator")
        .contains("unassigned");
    assertThat(processTaskLinks())
        .contains(link(forMyGroup))
        .doesNotContain(link(mine), link(forCouriers), link(someoneElses));

    open("/tasks?process=due");
    assertThat(processTaskLinks())
        .contains(link(mine))
        .doesNotContain(link(forMyGroup), link(forCouriers), link(someoneElses));
  }

  @Test
  void claimUnclaimAndCompleteWithTheTasksForm() {
    String word = "pt" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    long lead =
        leads
            .create(
                new LeadCommand(
                    "Order " + word,
                    "Ola",
                    null,
                    null,
                    null,
                    null,
                    LeadSource.PHONE,
                    null,
                    null,
                    List.of(),
                    List.of(),
                    List.of()))
            .id();
    UserTask task =
        engine.start(
            null,
            List.of("administrator"),
            Instant.now().plus(Duration.ofDays(2)),
            Map.of("leadId", lead));
    // The lead-processing workers record the instance on the lead too; the page finds the lead by
    // the task's variable leadId (or, with an engine that cannot search variables, by that record).
    processLinks.record(
        ProcessSubject.LEAD,
        lead,
        task.getProcessInstanceKey(),
        task.getBpmnProcessId(),
        task.getElementId(),
        task.getName());

    open("/tasks?process=groups");
    browser
        .findElement(
            By.cssSelector(
                "[data-testid=process-tasks] a[href$='/tasks/process/"
                    + task.getUserTaskKey()
                    + "']"))
        .click();
    WebElement fields = waitFor(By.cssSelector("[data-testid=process-task-fields]"));
    assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Check order");
    assertThat(fields.getText()).contains("ui-test-inbox").contains("administrator");
    WebElement about = browser.findElement(By.cssSelector("[data-testid=task-about]"));
    assertThat(about.getText()).contains("Lead: Order " + word);
    assertThat(about.findElement(By.tagName("a")).getAttribute("href"))
        .isEqualTo(url("/leads/" + lead));
    WebElement form = browser.findElement(By.cssSelector("[data-testid=process-task-form] form"));
    assertThat(form.findElement(By.name("_csrf")).getAttribute("value")).isNotBlank();
    assertThat(form.getText())
        .contains("Count the boxes before they leave.")
        .contains("Boxes")
        .contains("Ready to ship");
    assertThat(browser.findElement(By.cssSelector("[data-testid=claim-first]")).isDisplayed())
        .isTrue();

    // not assigned to me: refused, the task stays open and unassigned
    fill("v-boxes", "3");
    submit();
    assertThat(waitFor(By.cssSelector(".flash-error")).getText())
        .isEqualTo("This task is not assigned to you: assign it to yourself first.");
    assertThat(engine.get(task.getUserTaskKey()).getState().name()).isEqualTo("CREATED");

    browser.findElement(By.xpath("//button[text()='Assign to me']")).click();
    assertThat(waitFor(By.cssSelector(".flash-success")).getText())
        .isEqualTo("The task is assigned to you.");
    assertThat(browser.findElement(By.cssSelector("[data-testid=process-task-assignee]")).getText())
        .isEqualTo("admin");
    assertThat(engine.get(task.getUserTaskKey()).getAssignee()).isEqualTo("admin");
    open("/tasks?process=mine");
    assertThat(processTaskLinks()).contains(link(task));

    open("/tasks/process/" + task.getUserTaskKey());
    browser.findElement(By.xpath("//button[text()='Unassign']")).click();
    assertThat(waitFor(By.cssSelector(".flash-success")).getText())
        .isEqualTo("The task is no longer assigned to you.");
    assertThat(engine.get(task.getUserTaskKey()).getAssignee()).isNull();
    browser.findElement(By.xpath("//button[text()='Assign to me']")).click();
    waitFor(By.cssSelector(".flash-success"));

    // an empty form: the errors at the fields, nothing completed
    submit();
    waitFor(By.cssSelector(".form-errors"));
    assertError("v-boxes", "This field is required.");
    assertThat(error("v-carrier")).isEqualTo("This field is required.");
    assertThat(error("v-outcome")).isEqualTo("This field is required.");
    assertThat(error("v-reason")).isEmpty(); // hidden unless "missing": never required here

    fill("v-boxes", "0");
    // the field's maxlength stops a browser; the server checks what any client sends
    script(
        "document.getElementById('v-reference').value = arguments[0]",
        "a reference far too long to be kept");
    submit();
    assertError("v-boxes", "The smallest allowed value is 1");
    assertError("v-reference", "The longest allowed length is 20");
    assertThat(browser.findElement(By.id("v-reference")).getAttribute("value"))
        .isEqualTo("a reference far too long to be kept");
    assertThat(engine.get(task.getUserTaskKey()).getState().name()).isEqualTo("CREATED");

    fill("v-boxes", "3");
    fill("v-weight", "2.5");
    fill("v-reference", "R-1");
    fill("v-note", "Fragile <b>glass</b>");
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("v-carrier")))
        .selectByValue("post");
    browser.findElement(By.cssSelector("input[name=outcome][value=ready]")).click();
    browser.findElement(By.id("v-insured")).click();
    script("document.getElementById('v-shipOn').value = '2026-12-01'");
    submit();
    assertThat(waitFor(By.cssSelector(".flash-success")).getText())
        .isEqualTo("Task \"Check order\" completed.");
    assertThat(browser.getCurrentUrl()).contains("/tasks?process=mine");
    assertThat(processTaskLinks()).doesNotContain(link(task));
    assertThat(engine.get(task.getUserTaskKey()).getState().name()).isEqualTo("COMPLETED");

    Map<String, Object> variables = engine.variablesAfterTask(task.getProcessInstanceKey());
    assertThat(variables.get("boxes")).isInstanceOf(Number.class);
    assertThat(((Number) variables.get("boxes")).intValue()).isEqualTo(3);
    assertThat(((Number) variables.get("weight")).doubleValue()).isEqualTo(2.5);
    assertThat(variables)
        .containsEntry("insured", true)
        .containsEntry("carrier", "post")
        .containsEntry("outcome", "ready")
        .containsEntry("shipOn", "2026-12-01")
        .containsEntry("reference", "R-1")
        .containsEntry("note", "Fragile <b>glass</b>");
    assertThat(variables).doesNotContainKey("reason");
  }

  @Test
  void aCouriersTaskShowsTheDeliveryWishesDeadlineAndDocuments() {
    // the variables "Create courier task" hands over (workers' CourierTaskIT checks that it does)
    UserTask task =
        engine.start(
            null,
            List.of("administrator"),
            null,
            Map.of(
                "deliveryWishes",
                Map.of(
                    "address", "ul. Kwiatowa 5, Kraków",
                    "date", "2027-02-11",
                    "timeWindow", "16:00-19:00",
                    "note", "Gate code <1234>"),
                "deliveryDeadline",
                "2027-02-12",
                "documents",
                List.of(Map.of("type", "INVOICE", "id", 77, "number", "INV-2027-0077"))));
    // moved for this task only: a variable of the task's own scope shadows the instance's
    client
        .newSetVariablesCommand(task.getElementInstanceKey())
        .variables(Map.of("deliveryDeadline", "2027-02-13"))
        .local(true)
        .send()
        .join();
    open("/tasks/process/" + task.getUserTaskKey());

    WebElement delivery = waitFor(By.cssSelector("[data-testid=task-delivery]"));
    assertThat(text("delivery-address")).isEqualTo("ul. Kwiatowa 5, Kraków");
    assertThat(text("delivery-window")).isEqualTo("16:00-19:00");
    assertThat(text("delivery-note")).as("escaped, shown as typed").isEqualTo("Gate code <1234>");
    assertThat(text("delivery-date")).contains("11").contains("2027");
    assertThat(text("delivery-deadline")).contains("13").contains("2027");
    WebElement invoice = delivery.findElement(By.cssSelector("[data-testid=delivery-documents] a"));
    assertThat(invoice.getText()).isEqualTo("INV-2027-0077");
    assertThat(invoice.getAttribute("href")).isEqualTo(url("/invoices/77"));
    // the form is still there beside it
    assertThat(browser.findElements(By.cssSelector("[data-testid=process-task-form]"))).hasSize(1);

    // a task without a delivery shows no such section
    UserTask plain = engine.start(null, List.of("administrator"), null, Map.of());
    open("/tasks/process/" + plain.getUserTaskKey());
    waitFor(By.cssSelector("[data-testid=task-about]"));
    assertThat(browser.findElements(By.cssSelector("[data-testid=task-delivery]"))).isEmpty();
  }

  private String text(String testId) {
    return browser.findElement(By.cssSelector("[data-testid=" + testId + "]")).getText();
  }

  @Test
  void aTaskSomeoneElseHoldsCannotBeTakenOver() {
    UserTask task = engine.start("bob", List.of("administrator"), null, Map.of());
    open("/tasks/process/" + task.getUserTaskKey());
    assertThat(browser.findElement(By.cssSelector("[data-testid=process-task-assignee]")).getText())
        .isEqualTo("bob");
    browser.findElement(By.xpath("//button[text()='Assign to me']")).click();
    assertThat(waitFor(By.cssSelector(".flash-error")).getText()).startsWith("The engine refused:");
    assertThat(engine.get(task.getUserTaskKey()).getAssignee()).isEqualTo("bob");
    fill("v-boxes", "1");
    submit();
    assertThat(waitFor(By.cssSelector(".flash-error")).getText())
        .isEqualTo("This task is not assigned to you: assign it to yourself first.");
    open("/tasks/process/99999999999");
    assertThat(browser.findElement(By.tagName("h1")).getText()).contains("404");
  }

  private void fill(String id, String value) {
    WebElement field = browser.findElement(By.id(id));
    field.clear();
    field.sendKeys(value);
  }

  private void submit() {
    browser
        .findElement(By.cssSelector("[data-testid=process-task-form] button[type=submit]"))
        .click();
  }

  private String error(String id) {
    return browser.findElement(By.id(id + "-error")).getText();
  }

  private void assertError(String id, String message) {
    assertThat(error(id)).isEqualTo(message);
    if (!browser.findElement(By.id(id)).getTagName().equals("fieldset")) {
      assertThat(browser.findElement(By.id(id)).getAttribute("aria-invalid")).isEqualTo("true");
      assertThat(browser.findElement(By.id(id)).getAttribute("aria-describedby"))
          .isEqualTo(id + "-error");
    }
  }
}
