package org.flowcrm.ui.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.flowcrm.crm.deal.DealCommand;
import org.flowcrm.crm.deal.DealService;
import org.flowcrm.crm.deal.DealView;
import org.flowcrm.crm.link.ItemType;
import org.flowcrm.crm.permission.RoleService;
import org.flowcrm.crm.security.CrmUserPrincipal;
import org.flowcrm.crm.security.PasswordService;
import org.flowcrm.crm.shared.ListRequest;
import org.flowcrm.crm.task.TaskFilter;
import org.flowcrm.crm.task.TaskService;
import org.flowcrm.crm.task.TaskView;
import org.flowcrm.crm.user.UserCommand;
import org.flowcrm.crm.user.UserService;
import org.flowcrm.crm.user.UserView;
import org.flowcrm.ui.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The bulk action "start a task" on a list: one CRM task per selected record, linked to it, in the
 * assignee's inbox; a manager's selection that includes deals he may see but not change gets tasks
 * only for his own, and the message counts the skipped ones.
 */
class BulkStartTaskIT extends BrowserTest {

  @Autowired DealService deals;
  @Autowired TaskService tasks;
  @Autowired UserService users;
  @Autowired RoleService roles;
  @Autowired PasswordService passwords;

  private static String word() {
    return "zt" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  }

  /** A user with the default manager role and a password, to sign in as. */
  private UserView manager(String login) {
    UserView user = users.create(new UserCommand(login, "Manager " + login, null, true));
    roles.assignRoles(user.id(), List.of("MANAGER"));
    CrmUserPrincipal admin =
        (CrmUserPrincipal) SecurityContextHolder.getContext().getAuthentication().getPrincipal();
    passwords.setPassword(admin, user.id(), "manager-password");
    return user;
  }

  private DealView deal(String title, Long responsibleId, boolean visibleToAll) {
    return deals.create(
        new DealCommand(
            title,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            responsibleId,
            visibleToAll,
            null,
            null,
            null));
  }

  private List<TaskView> tasksOf(DealView deal) {
    return tasks
        .list(
            new TaskFilter(null, null, null, null, ItemType.DEAL, deal.id()),
            new ListRequest(null, 10, null))
        .items();
  }

  private void startTask(String title, LocalDate due, String assignee) {
    new Select(browser.findElement(By.id("bulk-action"))).selectByValue("START_TASK");
    assertThat(browser.findElement(By.id("bulk-task-title")).isDisplayed()).isTrue();
    browser.findElement(By.id("bulk-task-title")).sendKeys(title);
    // a date input's typed format follows the browser's locale; its value is always ISO
    script(
        "arguments[0].value = arguments[1];",
        browser.findElement(By.id("bulk-task-due")),
        due.toString());
    new Select(browser.findElement(By.id("bulk-task-responsible"))).selectByVisibleText(assignee);
    browser.findElement(By.id("bulk-apply")).click();
  }

  @Test
  void startsOneTaskPerTickedDealThatAppearsInTheAssigneesInbox() {
    String word = word();
    UserView assignee = manager("assignee-" + word);
    DealView first = deal("Fleet " + word + " one", null, false);
    DealView second = deal("Fleet " + word + " two", null, false);
    DealView untouched = deal("Fleet " + word + " three", null, false);
    LocalDate due = LocalDate.now(ZoneId.systemDefault()).plusDays(3);
    String title = "Call about " + word;

    open("/deals/list?q=" + word);
    browser.findElement(By.cssSelector("input[name=ids][value='" + first.id() + "']")).click();
    browser.findElement(By.cssSelector("input[name=ids][value='" + second.id() + "']")).click();
    startTask(title, due, assignee.displayName());

    assertThat(waitFor(By.cssSelector(".flash-success")).getText())
        .isEqualTo("2 tasks created, 0 skipped (no permission).");
    for (DealView deal : List.of(first, second)) {
      List<TaskView> started = tasksOf(deal);
      assertThat(started).hasSize(1);
      assertThat(started.get(0).title()).isEqualTo(title);
      assertThat(started.get(0).responsibleId()).isEqualTo(assignee.id());
      assertThat(started.get(0).deadline().atZone(ZoneId.systemDefault()).toLocalDate())
          .isEqualTo(due);
    }
    assertThat(tasksOf(untouched)).isEmpty();

    browser.manage().deleteAllCookies();
    signIn(assignee.login(), "manager-password");
    waitFor(By.cssSelector(".user-menu"));
    open("/tasks");
    List<String> inbox =
        browser.findElements(By.cssSelector("main a")).stream()
            .map(WebElement::getText)
            .filter(text -> text.contains(title))
            .toList();
    assertThat(inbox).hasSize(2);
  }

  @Test
  void aManagerGetsTasksOnlyForHisOwnDealsAndIsToldHowManyWereSkipped() {
    String word = word();
    UserView manager = manager("mgr-" + word);
    DealView own = deal("Fleet " + word + " mine", manager.id(), false);
    // visible to all: he sees it in his list, but may not change it
    DealView foreign = deal("Fleet " + word + " foreign", null, true);

    browser.manage().deleteAllCookies();
    signIn(manager.login(), "manager-password");
    waitFor(By.cssSelector(".user-menu"));
    open("/deals/list?q=" + word);
    assertThat(browser.findElements(By.cssSelector(".data-table tbody tr"))).hasSize(2);
    browser.findElement(By.id("bulk-all")).click();
    startTask(
        "Follow up " + word,
        LocalDate.now(ZoneId.systemDefault()).plusDays(1),
        manager.displayName());

    assertThat(waitFor(By.cssSelector(".flash-success")).getText())
        .isEqualTo("1 tasks created, 1 skipped (no permission).");
    assertThat(tasksOf(own)).hasSize(1);
    assertThat(tasksOf(foreign)).isEmpty();
  }
}
