package org.flowcrm.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.flowcrm.crm.activity.ActivityCommand;
import org.flowcrm.crm.activity.ActivityService;
import org.flowcrm.crm.activity.ActivityType;
import org.flowcrm.crm.contact.ContactCommand;
import org.flowcrm.crm.contact.ContactService;
import org.flowcrm.crm.link.ItemLink;
import org.flowcrm.crm.link.ItemType;
import org.flowcrm.ui.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An incoming mail's attachments on the contact card's timeline: name, size and a link that
 * downloads the file with the signed-in session.
 */
class MailAttachmentsIT extends BrowserTest {

  @Autowired ContactService contacts;
  @Autowired ActivityService activities;
  @Autowired JdbcClient jdbc;

  @Test
  void anEmailEntryListsItsAttachmentsAndTheLinkDownloadsOne() {
    String word = "att" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    long contact =
        contacts
            .create(
                new ContactCommand(
                    "Ewa",
                    "Mail" + word,
                    null,
                    null,
                    null,
                    List.of(),
                    List.of(),
                    List.of(),
                    null,
                    null))
            .id();
    long mail =
        activities
            .create(
                new ActivityCommand(
                    ActivityType.EMAIL,
                    "Order list " + word,
                    "Please see the attached list.",
                    Instant.now(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    List.of(new ItemLink(ItemType.CONTACT, contact))))
            .id();
    // what the inbox keeps for an incoming mail's attachment (InboundMailFiler writes these rows)
    byte[] csv = ("sku;qty\nPL-2200;2\n" + word + "\n").getBytes(StandardCharsets.UTF_8);
    jdbc.sql(
            "INSERT INTO crm_inbound_mail_attachment (activity_id, file_name, content_type,"
                + " size_bytes, content) VALUES (:a, :n, 'text/csv', :s, :c)")
        .param("a", mail)
        .param("n", "order-" + word + ".csv")
        .param("s", csv.length)
        .param("c", csv)
        .update();
    byte[] big = new byte[3 * 1024 * 1024 / 2];
    jdbc.sql(
            "INSERT INTO crm_inbound_mail_attachment (activity_id, file_name, content_type,"
                + " size_bytes, content) VALUES (:a, 'scan.pdf', 'application/pdf', :s, :c)")
        .param("a", mail)
        .param("s", big.length)
        .param("c", big)
        .update();

    open("/contacts/" + contact);
    WebElement timeline = waitFor(By.cssSelector("[data-testid=timeline]"));
    assertThat(timeline.getText()).contains("Order list " + word);
    List<WebElement> files = timeline.findElements(By.cssSelector(".attachments li"));
    assertThat(files).hasSize(2);
    assertThat(files.get(0).getText()).isEqualTo("order-" + word + ".csv (" + csv.length + " B)");
    assertThat(files.get(1).getText()).isEqualTo("scan.pdf (1.5 MB)");

    String href = files.get(0).findElement(By.tagName("a")).getAttribute("href");
    Object answer =
        browser.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0]).then(r => r.text().then(t => done(r.status + '|'"
                + " + r.headers.get('Content-Disposition') + '|' + t)));",
            href);
    assertThat((String) answer)
        .startsWith("200|attachment;")
        .contains("order-" + word + ".csv")
        .endsWith("|" + new String(csv, StandardCharsets.UTF_8));
    Object missing =
        browser.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0]).then(r => done(r.status));",
            url("/mail-attachments/999999999"));
    assertThat(((Number) missing).intValue()).isEqualTo(404);
  }
}
