package org.flowcrm.ui.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.flowcrm.crm.security.CrmUserPrincipal;
import org.flowcrm.crm.security.PasswordService;
import org.flowcrm.crm.task.TaskCommand;
import org.flowcrm.crm.task.TaskService;
import org.flowcrm.crm.user.UserCommand;
import org.flowcrm.crm.user.UserService;
import org.flowcrm.crm.user.UserView;
import org.flowcrm.ui.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/** The home page of a manager: his tasks of today apart from the overdue ones. */
class HomeIT extends BrowserTest {

  @Autowired UserService users;
  @Autowired PasswordService passwords;
  @Autowired TaskService tasks;

  @Test
  void myTasksTodayListsWhatIsDueTodayOrUndatedAndOverdueTasksApart() {
    String login = "home" + UUID.randomUUID().toString().substring(0, 8);
    UserView user = users.create(new UserCommand(login, "Home Owner", null, true));
    CrmUserPrincipal admin =
        (CrmUserPrincipal) SecurityContextHolder.getContext().getAuthentication().getPrincipal();
    passwords.setPassword(admin, user.id(), "home-owner-password");
    Instant now = Instant.now();
    Instant endOfToday =
        LocalDate.now().plusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant();
    Instant laterToday = now.plus(Duration.ofHours(1));
    if (laterToday.isAfter(endOfToday)) {
      laterToday = endOfToday.minusSeconds(1);
    }
    task("Send the offer", user, laterToday);
    task("Tidy the pipeline", user, null);
    task("Plan next quarter", user, now.plus(Duration.ofDays(7)));
    task("Call back the client", user, now.minus(Duration.ofHours(2)));
    task("Someone else's call", null, laterToday);

    browser.manage().deleteAllCookies();
    signIn(login, "home-owner-password");
    waitFor(By.cssSelector(".user-menu"));
    open("/");

    String today = browser.findElement(By.cssSelector("[data-testid=home-tasks]")).getText();
    String overdue = browser.findElement(By.cssSelector("[data-testid=home-overdue]")).getText();
    assertThat(today).contains("Send the offer").contains("Tidy the pipeline");
    // Soonest first, undated last.
    assertThat(today.indexOf("Send the offer")).isLessThan(today.indexOf("Tidy the pipeline"));
    assertThat(today)
        .doesNotContain("Plan next quarter")
        .doesNotContain("Call back the client")
        .doesNotContain("Someone else's call");
    assertThat(overdue).contains("Call back the client").doesNotContain("Send the offer");
  }

  private void task(String title, UserView responsible, Instant deadline) {
    tasks.create(
        new TaskCommand(
            title,
            null,
            responsible == null ? null : responsible.id(),
            deadline,
            List.of(),
            List.of()));
  }
}
