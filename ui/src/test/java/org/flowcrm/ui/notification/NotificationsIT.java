package org.flowcrm.ui.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.flowcrm.crm.lead.LeadCommand;
import org.flowcrm.crm.lead.LeadService;
import org.flowcrm.crm.lead.LeadSource;
import org.flowcrm.crm.link.ItemLink;
import org.flowcrm.crm.link.ItemType;
import org.flowcrm.crm.notification.NotificationCommand;
import org.flowcrm.crm.notification.NotificationService;
import org.flowcrm.ui.BrowserTest;
import org.flowcrm.ui.SignedInHttp;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The header's unread badge (rendered by the server, then live from the event stream) and the
 * notifications page: list with links to records, mark one read, mark all read.
 */
class NotificationsIT extends BrowserTest {

  @Autowired NotificationService notifications;
  @Autowired LeadService leads;
  @Autowired JdbcClient jdbc;

  private long admin() {
    return jdbc.sql("SELECT id FROM crm_user WHERE login = 'admin'").query(Long.class).single();
  }

  private long notify(String title, ItemLink item) {
    return notifications
        .notify(new NotificationCommand(admin(), title, "Body of " + title, item, null))
        .id();
  }

  private String badge() {
    return browser.findElement(By.cssSelector(".notification-link [data-unread-count]")).getText();
  }

  @Test
  void theBadgeCountsUnreadOnesAndFollowsTheStream() throws Exception {
    String word = "nb" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    notify("First " + word, null);
    long unread = notifications.unreadCount(admin());

    // without script: the server renders the count
    String home = new SignedInHttp(port).signIn().get("/").body();
    assertThat(home).contains("<span data-unread-count>" + unread + "</span>");

    open("/");
    assertThat(badge()).isEqualTo(Long.toString(unread));
    notify("Second " + word, null);
    waitUpTo(Duration.ofSeconds(10)).until(b -> badge().equals(Long.toString(unread + 1)));
    waitUpTo(Duration.ofSeconds(5))
        .until(
            b ->
                b.findElement(By.id("announcer"))
                    .getAttribute("textContent")
                    .equals("New notification: Second " + word));
    assertThat(
            browser.findElement(By.cssSelector(".notification-link .badge")).getAttribute("class"))
        .contains("badge-accent");
    assertThat(consoleErrors()).isEmpty();
  }

  @Test
  void theListLinksToRecordsAndMarksThemRead() {
    String word = "nl" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
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
    long aboutLead = notify("Lead assigned " + word, new ItemLink(ItemType.LEAD, lead));
    long plain = notify("Welcome " + word, null);

    open("/");
    browser.findElement(By.cssSelector(".notification-link")).click();
    waitFor(By.cssSelector("[data-testid=notification-" + aboutLead + "]"));
    WebElement row =
        browser.findElement(By.cssSelector("[data-testid=notification-" + aboutLead + "]"));
    assertThat(row.getText()).contains("Lead assigned " + word).contains("Body of Lead assigned");
    assertThat(row.findElement(By.tagName("a")).getAttribute("href"))
        .isEqualTo(url("/leads/" + lead));
    assertThat(browser.findElement(By.cssSelector(".data-table")).getText())
        .contains("Lead #" + lead)
        .contains("Welcome " + word);

    long before = notifications.unreadCount(admin());
    row.findElement(By.xpath("ancestor::tr//button[text()='Mark read']")).click();
    assertThat(waitFor(By.cssSelector(".flash-success")).getText())
        .isEqualTo("Notification marked read.");
    assertThat(notifications.unreadCount(admin())).isEqualTo(before - 1);
    assertThat(badge()).isEqualTo(Long.toString(before - 1));

    open("/notifications?show=unread");
    String unreadList = browser.findElement(By.id("main")).getText();
    assertThat(unreadList).contains("Welcome " + word).doesNotContain("Lead assigned " + word);

    browser.findElement(By.xpath("//button[text()='Mark all read']")).click();
    assertThat(waitFor(By.cssSelector(".flash-success")).getText())
        .isEqualTo("Marked read: " + (before - 1) + ".");
    assertThat(notifications.unreadCount(admin())).isZero();
    assertThat(badge()).isEqualTo("0");
    assertThat(browser.findElement(By.id("main")).getText()).contains("Welcome " + word);
    assertThat(browser.findElements(By.xpath("//button[text()='Mark read']"))).isEmpty();
    open("/notifications?show=unread");
    assertThat(browser.findElement(By.cssSelector(".empty-state")).getText())
        .isEqualTo("No notifications.");

    open("/notifications?lang=pl");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Powiadomienia");
    assertThat(
            browser
                .findElement(By.cssSelector("[data-testid=notification-" + plain + "]"))
                .getText())
        .contains("Welcome " + word);
    open("/notifications?lang=en");
  }
}
