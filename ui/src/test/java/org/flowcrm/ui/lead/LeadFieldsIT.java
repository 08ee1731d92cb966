package org.flowcrm.ui.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.flowcrm.crm.lead.LeadCommand;
import org.flowcrm.crm.lead.LeadService;
import org.flowcrm.crm.lead.LeadSource;
import org.flowcrm.crm.lead.LeadView;
import org.flowcrm.ui.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * In-place editing on the lead card: a field's form opens inside the card (htmx), saves, shows a
 * validation message at the field, and refuses an edit over someone else's newer change; the same
 * form works as a page of its own without script.
 */
class LeadFieldsIT extends BrowserTest {

  @Autowired LeadService leads;

  private LeadView lead(String title) {
    return leads.create(
        new LeadCommand(
            title,
            "Iga",
            "Lis",
            "Nordwind",
            null,
            null,
            LeadSource.PHONE,
            null,
            null,
            List.of(),
            List.of(),
            List.of()));
  }

  private WebElement openInlineForm(String field) {
    browser.findElement(By.cssSelector("a[data-edit=" + field + "]")).click();
    return waitFor(By.cssSelector("dd #edit-" + field));
  }

  @Test
  void editsTheTitleInPlaceAndShowsTheProblemAtTheField() {
    String word = UUID.randomUUID().toString().substring(0, 8);
    LeadView lead = lead("Edit me " + word);
    open("/leads/" + lead.id());

    WebElement title = openInlineForm("title");
    assertThat(browser.getCurrentUrl()).endsWith("/leads/" + lead.id()); // swapped in, no page
    title.clear();
    title.sendKeys("Edited <i>" + word + "</i>");
    browser.findElement(By.id("edit-save")).click();
    assertThat(waitFor(By.cssSelector(".flash-success")).getText()).isEqualTo("Title saved.");
    assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Edited <i>" + word);
    assertThat(leads.get(lead.id()).title()).isEqualTo("Edited <i>" + word + "</i>");

    title = openInlineForm("title");
    title.clear();
    script("arguments[0].removeAttribute('required')", title); // as a browser that does not check
    browser.findElement(By.id("edit-save")).click();
    WebElement error = waitFor(By.id("edit-title-error"));
    assertThat(error.getText()).contains("cannot be empty");
    assertThat(browser.findElement(By.id("edit-title")).getAttribute("aria-invalid"))
        .isEqualTo("true");
    assertThat(leads.get(lead.id()).title()).isEqualTo("Edited <i>" + word + "</i>");
  }

  @Test
  void anEditOverSomeoneElsesNewerChangeIsRefusedWithReload() {
    String word = UUID.randomUUID().toString().substring(0, 8);
    LeadView lead = lead("Stale " + word);
    open("/leads/" + lead.id());
    WebElement position = openInlineForm("position");

    // someone else saves the lead while the form is open
    LeadView changed =
        leads.update(
            lead.id(),
            new LeadCommand(
                "Changed meanwhile " + word,
                "Iga",
                "Lis",
                "Nordwind",
                null,
                null,
                LeadSource.PHONE,
                null,
                null,
                List.of(),
                List.of(),
                List.of()),
            leads.get(lead.id()).version());

    position.sendKeys("CEO");
    browser.findElement(By.id("edit-save")).click();
    assertThat(waitFor(By.id("edit-position-error")).getText()).contains("Changed by someone else");
    assertThat(leads.get(lead.id()).position()).isNull();
    assertThat(leads.get(lead.id()).title()).isEqualTo(changed.title());

    browser.findElement(By.linkText("Reload")).click();
    assertThat(waitFor(By.tagName("h1")).getText()).contains("Changed meanwhile " + word);
  }

  @Test
  void theFieldFormIsAPageOfItsOwnWithoutScript() {
    LeadView lead = lead("No script " + UUID.randomUUID().toString().substring(0, 8));
    open("/leads/" + lead.id() + "/fields/companyName");
    WebElement company = waitFor(By.id("edit-companyName"));
    company.clear();
    company.sendKeys("Ostwind");
    browser.findElement(By.id("edit-save")).click();
    assertThat(waitFor(By.cssSelector(".flash-success")).getText()).isEqualTo("Company saved.");
    assertThat(leads.get(lead.id()).companyName()).isEqualTo("Ostwind");
  }
}
