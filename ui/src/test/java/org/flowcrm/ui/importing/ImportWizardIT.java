package org.flowcrm.ui.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.flowcrm.ui.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The import wizard in a real browser. A Polish Excel file (Windows-1250, semicolons) of contacts:
 * the preview reads "Łódź" right, the header words are mapped (Imię, Nazwisko, E-mail, Miasto), an
 * unmapped required field is refused at Start, a date column is mapped by hand with its format; the
 * progress reaches 100 %, the report lists the bad row with its row number, column and reason, and
 * "Revert this import" (confirmed) removes the created contacts. A vCard file with two cards
 * creates two contacts, and the photo inside one card shows on its card.
 */
class ImportWizardIT extends BrowserTest {

  /** A real 1×1 PNG. */
  static final String PNG_BASE64 =
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

  @Autowired JdbcClient jdbc;

  private long contactsNamed(String lastNamePrefix) {
    return jdbc.sql("SELECT COUNT(*) FROM crm_contact WHERE last_name LIKE :name")
        .param("name", lastNamePrefix + "%")
        .query(Long.class)
        .single();
  }

  private Path file(String name, String content, Charset charset) throws Exception {
    Path dir = Files.createTempDirectory("flowcrm-import-it-");
    Path file = dir.resolve(name);
    Files.write(file, content.getBytes(charset));
    file.toFile().deleteOnExit();
    dir.toFile().deleteOnExit();
    return file;
  }

  private void waitForReport() {
    waitUpTo(Duration.ofSeconds(60))
        .until(d -> !d.findElements(By.cssSelector("[data-testid=import-report]")).isEmpty());
  }

  @Test
  void aPolishCsvIsPreviewedMappedImportedReportedAndReverted() throws Exception {
    String u = UUID.randomUUID().toString().substring(0, 6);
    String csv =
        "Imię;Nazwisko;E-mail;Miasto;Data urodzenia\r\n"
            + "Anna;Żółkiewska"
            + u
            + ";anna"
            + u
            + "@example.pl;Łódź;12.03.1980\r\n"
            + "Jan;Nowak"
            + u
            + ";jan"
            + u
            + "@example.pl;Kraków;31.02.1980\r\n"
            + "\r\n"
            + "Ewa;Żak"
            + u
            + ";ewa"
            + u
            + "@example.pl;Gdańsk;\r\n";
    Path upload = file("kontakty-" + u + ".csv", csv, Charset.forName("windows-1250"));

    // From the contact list: "Import" opens step 1 with contacts chosen.
    open("/contacts");
    waitFor(By.cssSelector("[data-testid=import-action]")).click();
    assertThat(waitFor(By.tagName("h1")).getText()).isEqualTo("Import");
    assertThat(
            new Select(browser.findElement(By.id("f-entityType")))
                .getFirstSelectedOption()
                .getText())
        .isEqualTo("Contacts");
    browser.findElement(By.id("f-file")).sendKeys(upload.toString());
    browser.findElement(By.cssSelector("[data-testid=import-upload] button.primary")).click();

    // Step 2: the encoding and separator were detected, the preview reads Polish letters right.
    WebElement preview = waitFor(By.cssSelector("[data-testid=import-preview]"));
    assertThat(preview.getText()).contains("Łódź", "Żółkiewska" + u, "Kraków");
    assertThat(
            new Select(browser.findElement(By.id("r-encoding"))).getFirstSelectedOption().getText())
        .isEqualTo("Windows-1250 (Polish Excel)");
    assertThat(
            new Select(browser.findElement(By.id("r-separator")))
                .getFirstSelectedOption()
                .getText())
        .isEqualTo("Semicolon ;");
    assertThat(mapped(0)).isEqualTo("firstName");
    assertThat(mapped(1)).isEqualTo("lastName");
    assertThat(mapped(2)).isEqualTo("email");
    assertThat(mapped(3)).isEqualTo("city");
    assertThat(mapped(4)).as("no synonym for Data urodzenia").isEmpty();
    assertThat(browser.findElement(By.cssSelector("[data-testid=required-fields]")).getText())
        .contains("First name", "Last name");

    // A required field left unmapped is refused at Start, nothing runs.
    new Select(browser.findElement(By.id("map-1"))).selectByValue("");
    browser.findElement(By.cssSelector("[data-testid=import-start]")).click();
    assertThat(waitFor(By.cssSelector("[data-testid=mapping-error]")).getText())
        .contains("lastName is required: map a column to it");
    assertThat(contactsNamed("Żółkiewska" + u)).isZero();

    // Mapped by hand: last name again, the birthday column with its date format.
    new Select(browser.findElement(By.id("map-1"))).selectByValue("lastName");
    new Select(browser.findElement(By.id("map-4"))).selectByValue("birthday");
    WebElement dateFormat = browser.findElement(By.id("f-dateFormat"));
    dateFormat.clear();
    dateFormat.sendKeys("dd.MM.yyyy");
    browser.findElement(By.cssSelector("[data-testid=import-start]")).click();

    // Step 3: progress to 100 %, then the report.
    waitForReport();
    assertThat(browser.findElement(By.cssSelector("[data-testid=import-percent]")).getText())
        .isEqualTo("100 %");
    assertThat(browser.findElement(By.cssSelector("[data-testid=import-status]")).getText())
        .isEqualTo("Done");
    assertThat(count("created")).isEqualTo("2");
    assertThat(count("failed")).isEqualTo("1");
    List<WebElement> failures =
        browser.findElements(By.cssSelector("[data-testid=import-failures] tbody tr"));
    assertThat(failures).hasSize(1);
    assertThat(failures.get(0).findElements(By.tagName("td")))
        .extracting(WebElement::getText)
        .containsExactly(
            "3", "Data urodzenia", "'31.02.1980' is not a date in the format dd.MM.yyyy");
    assertThat(contactsNamed("Żółkiewska" + u)).isEqualTo(1);
    assertThat(contactsNamed("Żak" + u)).isEqualTo(1);
    assertThat(
            jdbc.sql("SELECT city FROM crm_contact WHERE last_name = :name")
                .param("name", "Żółkiewska" + u)
                .query(String.class)
                .single())
        .isEqualTo("Łódź");

    // The block htmx polls tells it to reload the page once the import has finished.
    String jobPath = browser.getCurrentUrl();
    String polled =
        (String)
            browser.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "fetch(arguments[0]).then(r => r.text()"
                    + ".then(t => done(r.headers.get('HX-Refresh') + '|' + t)));",
                jobPath + "/progress");
    assertThat(polled).startsWith("true|").contains("100 %").doesNotContain("hx-trigger");

    // The list of past imports has it.
    open("/imports");
    assertThat(browser.findElement(By.cssSelector("[data-testid=past-imports]")).getText())
        .contains("kontakty-" + u + ".csv");
    browser.get(jobPath);

    // Revert, confirmed: the created contacts are gone.
    waitFor(By.cssSelector("[data-testid=import-revert]")).click();
    assertThat(browser.switchTo().alert().getText()).contains("kontakty-" + u + ".csv");
    browser.switchTo().alert().accept();
    assertThat(waitFor(By.cssSelector(".flash-success")).getText())
        .isEqualTo("Import reverted: 2 records deleted, 0 restored, 0 kept.");
    assertThat(browser.findElement(By.cssSelector("[data-testid=import-status]")).getText())
        .isEqualTo("Reverted");
    assertThat(browser.findElements(By.cssSelector("[data-testid=import-revert]"))).isEmpty();
    assertThat(contactsNamed("Żółkiewska" + u)).isZero();
    assertThat(contactsNamed("Żak" + u)).isZero();
    assertThat(consoleErrors()).isEmpty();
  }

  @Test
  void aVCardFileCreatesContactsAndThePhotoShowsOnTheCard() throws Exception {
    String u = UUID.randomUUID().toString().substring(0, 6);
    String cards =
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Fotografska"
            + u
            + ";Maria;;;\r\nFN:Maria Fotografska"
            + u
            + "\r\nEMAIL:maria"
            + u
            + "@example.pl\r\nPHOTO;ENCODING=b;TYPE=PNG:"
            + PNG_BASE64
            + "\r\nEND:VCARD\r\n"
            + "BEGIN:VCARD\r\nVERSION:4.0\r\nN:Bezzdjecia"
            + u
            + ";Piotr;;;\r\nFN:Piotr Bezzdjecia"
            + u
            + "\r\nPHOTO:https://photos.example/piotr.jpg\r\nEND:VCARD\r\n";
    Path upload = file("wizytowki-" + u + ".vcf", cards, StandardCharsets.UTF_8);

    open("/imports?entity=CONTACT");
    waitFor(By.id("f-file")).sendKeys(upload.toString());
    browser.findElement(By.cssSelector("[data-testid=import-upload] button.primary")).click();
    WebElement preview = waitFor(By.cssSelector("[data-testid=import-preview]"));
    assertThat(preview.getText()).contains("Fotografska" + u, "image/png, 1 KB");
    assertThat(browser.findElements(By.cssSelector("select[id^=map-]"))).isEmpty();
    browser.findElement(By.cssSelector("[data-testid=import-start]")).click();

    waitForReport();
    assertThat(count("created")).isEqualTo("2");
    assertThat(count("failed")).isEqualTo("0");
    assertThat(browser.findElement(By.cssSelector("[data-testid=import-notices]")).getText())
        .contains("https://photos.example/piotr.jpg");

    long withPhoto =
        jdbc.sql("SELECT id FROM crm_contact WHERE last_name = :name")
            .param("name", "Fotografska" + u)
            .query(Long.class)
            .single();
    open("/contacts/" + withPhoto);
    WebElement photo = waitFor(By.cssSelector("[data-testid=contact-photo]"));
    assertThat(photo.getAttribute("alt")).isEqualTo("Photo of Maria Fotografska" + u);
    waitUpTo(Duration.ofSeconds(10))
        .until(d -> Boolean.TRUE.equals(script("return arguments[0].complete;", photo)));
    assertThat(((Number) script("return arguments[0].naturalWidth;", photo)).intValue())
        .isEqualTo(1);

    long withoutPhoto =
        jdbc.sql("SELECT id FROM crm_contact WHERE last_name = :name")
            .param("name", "Bezzdjecia" + u)
            .query(Long.class)
            .single();
    open("/contacts/" + withoutPhoto);
    waitFor(By.tagName("h1"));
    assertThat(browser.findElements(By.cssSelector("[data-testid=contact-photo]"))).isEmpty();
    assertThat(consoleErrors()).isEmpty();
  }

  private String mapped(int column) {
    return new Select(browser.findElement(By.id("map-" + column)))
        .getFirstSelectedOption()
        .getAttribute("value");
  }

  private String count(String name) {
    return browser.findElement(By.cssSelector("[data-count=" + name + "]")).getText();
  }
}
