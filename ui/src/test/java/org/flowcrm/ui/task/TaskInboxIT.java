package org.flowcrm.ui.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.flowcrm.crm.activity.ActivityCommand;
import org.flowcrm.crm.activity.ActivityService;
import org.flowcrm.crm.activity.ActivityType;
import org.flowcrm.crm.contact.ContactCommand;
import org.flowcrm.crm.contact.ContactService;
import org.flowcrm.crm.deal.DealCommand;
import org.flowcrm.crm.deal.DealService;
import org.flowcrm.crm.lead.LeadCommand;
import org.flowcrm.crm.lead.LeadService;
import org.flowcrm.crm.lead.LeadSource;
import org.flowcrm.crm.link.ItemLink;
import org.flowcrm.crm.link.ItemType;
import org.flowcrm.crm.permission.RoleService;
import org.flowcrm.crm.security.CrmUserPrincipal;
import org.flowcrm.crm.security.PasswordService;
import org.flowcrm.crm.task.TaskCommand;
import org.flowcrm.crm.task.TaskService;
import org.flowcrm.crm.task.TaskStatus;
import org.flowcrm.crm.user.UserCommand;
import org.flowcrm.crm.user.UserService;
import org.flowcrm.crm.user.UserView;
import org.flowcrm.ui.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

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

  @Autowired UserService users;
  @Autowired RoleService roles;
  @Autowired PasswordService passwords;
  @Autowired ActivityService activities;
  @Autowired ContactService contacts;

  /**
   * A manager working his own records sees his tasks and calls in the inbox, on the home page and
   * on his deal's timeline, and completes his task; a colleague's task and call on the colleague's
   * deal appear nowhere, and the colleague's task page is not found.
   */
  @Test
  void aManagerSeesAndCompletesHisOwnTasksAndNeverAColleagues() {
    String word = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    UserView manager = users.create(new UserCommand("m" + word, "Manager " + word, null, true));
    UserView colleague = users.create(new UserCommand("c" + word, "Colleague " + word, null, true));
    roles.assignRoles(manager.id(), List.of("MANAGER"));
    roles.assignRoles(colleague.id(), List.of("MANAGER"));
    CrmUserPrincipal admin =
        (CrmUserPrincipal) SecurityContextHolder.getContext().getAuthentication().getPrincipal();
    passwords.setPassword(admin, manager.id(), "manager-password");
    long myDeal = deal("My deal " + word, manager.id());
    long theirDeal = deal("Their deal " + word, colleague.id());
    long myContact = contact("Mycontact" + word, manager.id());
    long theirContact = contact("Theircontact" + word, colleague.id());
    long myTask = task("Mine " + word, manager.id(), myDeal, myContact);
    long theirTask = task("Theirs " + word, colleague.id(), theirDeal, theirContact);
    call("My call " + word, manager.id(), myContact);
    call("Their call " + word, colleague.id(), theirContact);

    browser.manage().deleteAllCookies();
    signIn("m" + word, "manager-password");
    waitFor(By.cssSelector(".user-menu"));
    open("/tasks");
    assertThat(browser.findElement(By.cssSelector("[data-testid=crm-tasks] .data-table")).getText())
        .contains("Mine " + word)
        .contains("Deal: My deal " + word)
        .doesNotContain("Theirs " + word);
    open("/");
    assertThat(browser.findElement(By.cssSelector("[data-testid=home-tasks]")).getText())
        .contains("Mine " + word)
        .doesNotContain("Theirs " + word);
    open("/contacts/" + myContact);
    assertThat(browser.findElement(By.id("main")).getText())
        .contains("My call " + word)
        .contains("Mine " + word)
        .doesNotContain("Their call " + word);
    open("/contacts/" + theirContact);
    assertThat(browser.findElement(By.id("main")).getText()).doesNotContain("Their call " + word);
    open("/tasks/" + theirTask);
    assertThat(browser.findElement(By.id("main")).getText()).doesNotContain("Theirs " + word);
    open("/tasks/" + myTask);
    browser.findElement(By.xpath("//button[text()='Complete']")).click();
    assertThat(waitFor(By.cssSelector(".flash-success")).getText()).isEqualTo("Task completed.");
    assertThat(tasks.get(myTask).status()).isEqualTo(TaskStatus.DONE);
    assertThat(tasks.get(theirTask).status()).isEqualTo(TaskStatus.OPEN);
  }

  private long deal(String title, long responsible) {
    return deals
        .create(
            new DealCommand(
                title,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                responsible,
                false,
                null,
                null,
                null))
        .id();
  }

  private long contact(String name, long responsible) {
    return contacts
        .create(
            new ContactCommand(
                name, null, null, null, null, List.of(), List.of(), List.of(), responsible, null))
        .id();
  }

  private long task(String title, long responsible, long deal, long contact) {
    return tasks
        .create(
            new TaskCommand(
                title,
                null,
                responsible,
                null,
                null,
                List.of(
                    new ItemLink(ItemType.DEAL, deal), new ItemLink(ItemType.CONTACT, contact))))
        .id();
  }

  private void call(String subject, long responsible, long contact) {
    activities.create(
        new ActivityCommand(
            ActivityType.CALL,
            subject,
            null,
            Instant.now().minus(Duration.ofHours(1)),
            null,
            responsible,
            null,
            null,
            null,
            null,
            null,
            List.of(new ItemLink(ItemType.CONTACT, contact))));
  }
}
