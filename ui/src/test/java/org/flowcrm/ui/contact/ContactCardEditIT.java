package org.flowcrm.ui.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.flowcrm.crm.contact.ContactCommand;
import org.flowcrm.crm.contact.ContactService;
import org.flowcrm.crm.contact.ContactView;
import org.flowcrm.ui.record.FormFixtures;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The contact card's fields edited in place (htmx): saved with Enter or Save, the heading and the
 * VIP badge following; a refusal of the service at the field, announced; Esc puts the value back;
 * an edit over someone else's newer change refused; a user who may only read gets no edit controls
 * and the service refuses his save; without script a field leads to the edit page.
 */
class ContactCardEditIT extends FormFixtures {

  @Autowired ContactService contacts;

  private ContactView contact(String lastName) {
    return contacts.create(
        new ContactCommand(
            "Ada", lastName, "Clerk", null, null, List.of(), List.of(), null, null, null));
  }

  @Test
  void editsTheCardsFieldsInPlace() {
    String u = word();
    ContactView contact = contact("Card" + u);
    open("/contacts/" + contact.id());

    // position: opens in the card, saves with Enter
    WebElement position = editInPlace("position");
    assertThat(browser.getCurrentUrl()).endsWith("/contacts/" + contact.id());
    position.clear();
    position.sendKeys("Buyer" + Keys.ENTER);
    waitUntilShown("position", "Buyer");
    assertThat(contacts.get(contact.id()).position()).isEqualTo("Buyer");

    // last name: the heading follows
    WebElement lastName = editInPlace("lastName");
    lastName.clear();
    lastName.sendKeys("Renamed" + u + Keys.ENTER);
    waitUntilShown("lastName", "Renamed" + u);
    assertThat(browser.findElement(By.id("record-heading")).getText()).isEqualTo("Ada Renamed" + u);

    // VIP: a yes/no choice; the badge appears beside the name
    new Select(editInPlace("vip")).selectByVisibleText("Yes");
    browser.findElement(By.id("edit-save")).click();
    waitUntilShown("vip", "Yes");
    assertThat(browser.findElement(By.cssSelector("#record-heading [data-testid=vip-badge]")))
        .extracting(WebElement::getText)
        .isEqualTo("VIP");
    assertThat(contacts.get(contact.id()).vip()).isTrue();

    // the first name emptied: the service's refusal at the field, announced; Esc puts it back
    WebElement firstName = editInPlace("firstName");
    firstName.clear();
    browser.findElement(By.id("edit-save")).click();
    WebElement error = waitFor(By.id("edit-firstName-error"));
    assertThat(error.getText()).contains("must not be blank");
    assertThat(error.getAttribute("role")).isEqualTo("alert");
    assertThat(browser.findElement(By.id("edit-firstName")).getAttribute("aria-invalid"))
        .isEqualTo("true");
    browser.findElement(By.id("edit-firstName")).sendKeys(Keys.ESCAPE);
    waitUpTo(Duration.ofSeconds(20))
        .until(ExpectedConditions.invisibilityOfElementLocated(By.id("edit-firstName")));
    assertThat(shown("firstName")).isEqualTo("Ada");
    assertThat(contacts.get(contact.id()).firstName()).isEqualTo("Ada");

    // a birthday that is no date: refused at the field
    WebElement birthday = editInPlace("birthday");
    script("arguments[0].type = 'text'; arguments[0].value = 'soon';", birthday);
    browser.findElement(By.id("edit-save")).click();
    assertThat(waitFor(By.id("edit-birthday-error")).getText()).contains("Not a valid value");

    // notes: a text of several lines
    browser.findElement(By.cssSelector("dd[data-field=birthday] [data-cancel]")).click();
    WebElement notes = editInPlace("notes");
    notes.sendKeys("Prefers mail.");
    browser.findElement(By.id("edit-save")).click();
    waitUntilShown("notes", "Prefers mail.");
    ContactView saved = contacts.get(contact.id());
    assertThat(saved.notes()).isEqualTo("Prefers mail.");
    assertThat(saved.position()).isEqualTo("Buyer");
    assertThat(saved.vip()).isTrue();
    // no script errors; the browser logs the refusals' status (422) as well
    assertThat(consoleErrors()).allMatch(e -> e.contains("status of 422"));
  }

  @Test
  void anEditOverSomeoneElsesNewerChangeIsRefusedAtTheField() {
    String u = word();
    ContactView contact = contact("Stale" + u);
    anEditOverANewerChangeIsRefused(
        "/contacts/" + contact.id(),
        "position",
        "Intern",
        () ->
            contacts.update(
                contact.id(),
                new ContactCommand(
                    "Ada", "Stale" + u, "Director", null, null, null, null, null, null, null),
                contact.version()));
    assertThat(contacts.get(contact.id()).position()).isEqualTo("Director");
  }

  @Test
  void aReaderGetsNoEditControlsAndTheServiceRefusesHisSave() {
    ContactView contact = contact("Read" + word());
    aReaderGetsNoEditControls("/contacts/" + contact.id(), "position", "Clerk", contact.version());
    assertThat(contacts.get(contact.id()).position()).isEqualTo("Clerk");
  }

  @Test
  void withoutScriptAFieldLeadsToTheEditPage() {
    ContactView contact = contact("Plain" + word());
    withoutScriptTheFieldLeadsToTheEditPage("/contacts/" + contact.id(), "position", "f-position");
  }
}
