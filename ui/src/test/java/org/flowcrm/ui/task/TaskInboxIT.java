package org.flowcrm.ui.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.flowcrm.crm.deal.DealCommand;
import org.flowcrm.crm.deal.DealService;
import org.flowcrm.crm.lead.LeadCommand;
import org.flowcrm.crm.lead.LeadService;
import org.flowcrm.crm.lead.LeadSource;
import org.flowcrm.crm.link.ItemLink;
import org.flowcrm.crm.link.ItemType;
import org.flowcrm.crm.task.TaskCommand;
import org.flowcrm.crm.task.TaskService;
import org.flowcrm.crm.task.TaskStatus;
import org.flowcrm.ui.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The task inbox and the home page: my open and overdue tasks with the lead or deal beside them,
 * completing a task, my open deals.
 */
class TaskInboxIT extends BrowserTest {

  @Autowired TaskService tasks;
  @Autowired LeadService leads;
  @Autowired DealService deals;
  @Autowired JdbcClient jdbc;

  private long admin() {
    return jdbc.sql("SELECT id FROM crm_user WHERE login = 'admin'").query(Long.class).single();
  }

  @Test
  void theInboxShowsMyTasksWithWhatTheyAreAboutAndCompletesThem() {
    String word = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    long lead =
        leads
            .create(
                new LeadCommand(
                    "Lead " + word,
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
    long deal =
        deals
            .create(
                new DealCommand(
                    "Deal " + word,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    admin(),
                    null,
                    null,
                    null,
                    null))
            .id();
    long overdue =
        tasks
            .create(
                new TaskCommand(
                    "Call back " + word,
                    null,
                    admin(),
                    Instant.now().minus(Duration.ofDays(2)),
                    null,
                    List.of(new ItemLink(ItemType.LEAD, lead))))
            .id();
    long today =
        tasks
            .create(
                new TaskCommand(
                    "Send offer " + word,
                    "Prices <b>incl.</b> delivery",
                    admin(),
                    null,
                    null,
                    List.of(new ItemLink(ItemType.DEAL, deal))))
            .id();

    open("/tasks");
    String inbox =
        browser.findElement(By.cssSelector("[data-testid=crm-tasks] .data-table")).getText();
    assertThat(inbox).contains("Call back " + word).contains("Lead: Lead " + word);
    assertThat(inbox).contains("Send offer " + word).contains("Deal: Deal " + word);
    open("/tasks?show=overdue");
    assertThat(browser.findElement(By.cssSelector("[data-testid=crm-tasks] .data-table")).getText())
        .contains("Call back " + word)
        .contains("overdue")
        .doesNotContain("Send offer " + word);

    open("/");
    assertThat(browser.findElement(By.cssSelector("[data-testid=home-overdue]")).getText())
        .contains("Call back " + word);
    assertThat(browser.findElement(By.cssSelector("[data-testid=home-tasks]")).getText())
        .contains("Send offer " + word);
    assertThat(browser.findElement(By.cssSelector("[data-testid=home-deals]")).getText())
        .contains("Deal " + word);

    open("/tasks/" + today);
    assertThat(browser.findElement(By.cssSelector("[data-testid=task-about]")).getText())
        .contains("Deal: Deal " + word);
    assertThat(browser.findElement(By.id("main")).getText())
        .contains("Prices <b>incl.</b> delivery");
    browser.findElement(By.xpath("//button[text()='Complete']")).click();
    assertThat(waitFor(By.cssSelector(".flash-success")).getText()).isEqualTo("Task completed.");
    assertThat(browser.findElement(By.cssSelector("[data-testid=task-status]")).getText())
        .isEqualTo("Done");
    assertThat(tasks.get(today).status()).isEqualTo(TaskStatus.DONE);
    open("/tasks?show=done");
    assertThat(browser.findElement(By.cssSelector("[data-testid=crm-tasks] .data-table")).getText())
        .contains("Send offer " + word);
    assertThat(tasks.get(overdue).status()).isEqualTo(TaskStatus.OPEN);
  }
}
