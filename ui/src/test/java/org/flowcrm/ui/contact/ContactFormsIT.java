package org.flowcrm.ui.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.flowcrm.crm.company.CompanyCommand;
import org.flowcrm.crm.company.CompanyService;
import org.flowcrm.crm.contact.ContactCommand;
import org.flowcrm.crm.contact.ContactFilter;
import org.flowcrm.crm.contact.ContactService;
import org.flowcrm.crm.contact.ContactView;
import org.flowcrm.crm.customfield.CustomFieldCommand;
import org.flowcrm.crm.customfield.CustomFieldService;
import org.flowcrm.crm.customfield.CustomFieldType;
import org.flowcrm.crm.customfield.CustomFieldView;
import org.flowcrm.crm.customfield.CustomizableEntity;
import org.flowcrm.crm.shared.Email;
import org.flowcrm.crm.shared.EmailType;
import org.flowcrm.crm.shared.ListRequest;
import org.flowcrm.crm.shared.Phone;
import org.flowcrm.crm.shared.PhoneType;
import org.flowcrm.crm.user.UserView;
import org.flowcrm.ui.record.FormFixtures;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * "New contact" and "Edit" in the browser: every field including several phones, a company, the VIP
 * flag and a required custom field; refusals at their field; an edit over someone else's newer
 * change refused with nothing written; a manager gets no form for a colleague's contact.
 */
class ContactFormsIT extends FormFixtures {

  @Autowired ContactService contacts;
  @Autowired CompanyService companies;
  @Autowired CustomFieldService customFields;

  @Test
  void createsAContactWithPhonesCompanyVipAndARequiredCustomFieldThenEditsIt() {
    String u = word();
    long company =
        companies.create(CompanyCommand.named("Forms Co " + u, List.of(), List.of(), null)).id();
    CustomFieldView tier =
        customFields.create(
            new CustomFieldCommand(
                CustomizableEntity.CONTACT,
                "tier" + u,
                "Tier " + u,
                CustomFieldType.STRING,
                true,
                null,
                null));
    try {
      open("/contacts");
      browser.findElement(By.linkText("New contact")).click();
      type("f-firstName", "Olga");
      type("f-lastName", "Form" + u);
      type("f-phones-0--value", "+48 600 100 200");
      browser.findElement(By.cssSelector("[data-add-row=phones]")).click(); // a line in the page
      List<WebElement> phones =
          browser.findElements(By.cssSelector("[data-rows=phones] input[type=tel]"));
      assertThat(phones).hasSize(2);
      phones.get(1).sendKeys("+48 22 555 01 02");
      new Select(
              browser.findElement(
                  By.cssSelector("[data-rows=phones] [data-row]:last-of-type select")))
          .selectByValue("MOBILE");
      type("f-emails-0--value", "not-an-address");
      new Select(browser.findElement(By.id("f-companyIds"))).selectByValue(Long.toString(company));
      browser.findElement(By.id("f-vip")).click();
      type("f-address-city", "Gdańsk");
      save();

      // the e-mail is refused at its field; nothing is written, what was typed is still there
      assertThat(waitFor(By.id("f-emails-0--value-error")).getText()).contains("email");
      assertThat(browser.findElement(By.id("f-emails-0--value")).getAttribute("aria-invalid"))
          .isEqualTo("true");
      assertThat(contactsNamed("Form" + u)).isEmpty();
      assertThat(browser.findElements(By.cssSelector("[data-rows=phones] input[type=tel]")))
          .hasSize(2);
      assertThat(browser.findElement(By.id("f-vip")).isSelected()).isTrue();

      // then the required custom field, by the service, at its field
      type("f-emails-0--value", "olga." + u + "@example.com");
      save();
      assertThat(waitFor(By.id("cf-tier" + u + "-error")).getText()).contains("is required");
      assertThat(browser.findElement(By.id("cf-tier" + u)).getAttribute("aria-invalid"))
          .isEqualTo("true");
      assertThat(contactsNamed("Form" + u)).isEmpty();

      type("cf-tier" + u, "Gold");
      save();

      assertThat(flash()).isEqualTo("Contact Olga Form" + u + " created.");
      assertThat(browser.findElement(By.cssSelector("h1 [data-testid=vip-badge]")).getText())
          .isEqualTo("VIP");
      assertThat(
              browser.findElement(By.cssSelector("[data-testid=custom-tier" + u + "]")).getText())
          .isEqualTo("Gold");
      List<ContactView> created = contactsNamed("Form" + u);
      assertThat(created).hasSize(1);
      ContactView contact = created.get(0);
      assertThat(contact.vip()).isTrue();
      assertThat(contact.phones())
          .containsExactlyInAnyOrder(
              new Phone(PhoneType.WORK, "+48 600 100 200"),
              new Phone(PhoneType.MOBILE, "+48 22 555 01 02"));
      assertThat(contact.emails())
          .containsExactly(new Email(EmailType.WORK, "olga." + u + "@example.com"));
      assertThat(contact.companyIds()).containsExactly(company);
      assertThat(contact.address().city()).isEqualTo("Gdańsk");
      assertThat(contact.customFields()).containsEntry("tier" + u, "Gold");

      // the list shows the badge too
      open("/contacts?q=Form" + u);
      assertThat(browser.findElement(By.cssSelector("main table")).getText()).contains("VIP");

      // edit: remove the first phone (without script: the button posts the form), untick VIP
      open("/contacts/" + contact.id());
      browser.findElement(By.cssSelector("[data-testid=edit-action]")).click();
      WebElement remove =
          waitFor(By.cssSelector("[data-rows=phones] [data-row='0'] [data-remove-row]"));
      script("arguments[0].removeAttribute('data-remove-row')", remove);
      remove.click();
      waitUpTo(java.time.Duration.ofSeconds(20))
          .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(remove));
      waitFor(By.id("f-phones-0--value"));
      assertThat(browser.findElements(By.cssSelector("[data-rows=phones] input[type=tel]")))
          .hasSize(1);
      assertThat(browser.findElement(By.id("f-phones-0--value")).getAttribute("value"))
          .isEqualTo("+48 22 555 01 02");
      assertThat(contacts.get(contact.id()).phones()).hasSize(2); // nothing saved yet
      browser.findElement(By.id("f-vip")).click();
      type("f-position", "Buyer");
      save();
      assertThat(flash()).isEqualTo("Contact Olga Form" + u + " saved.");
      assertThat(browser.findElements(By.cssSelector("h1 [data-testid=vip-badge]"))).isEmpty();
      ContactView edited = contacts.get(contact.id());
      assertThat(edited.vip()).isFalse();
      assertThat(edited.position()).isEqualTo("Buyer");
      assertThat(edited.phones()).containsExactly(new Phone(PhoneType.MOBILE, "+48 22 555 01 02"));
      assertThat(edited.customFields()).containsEntry("tier" + u, "Gold");
      // no script errors; the browser logs the refusals' statuses (422, 409) as well
      assertThat(consoleErrors())
          .allMatch(e -> e.contains("status of 422") || e.contains("status of 409"));
    } finally {
      customFields.delete(tier.id(), null);
    }
  }

  @Test
  void anEditOverSomeoneElsesNewerChangeIsRefusedAndWritesNothing() {
    String u = word();
    ContactView contact = contacts.create(command("Stale" + u, "Clerk"));
    open("/contacts/" + contact.id() + "/edit");
    waitFor(By.id("f-position"));

    contacts.update(contact.id(), command("Stale" + u, "Director"), contact.version());

    type("f-position", "Intern");
    type("f-firstName", "Changed");
    save();
    assertThat(waitFor(By.cssSelector(".form-errors")).getText())
        .contains("Someone else changed this record");
    ContactView now = contacts.get(contact.id());
    assertThat(now.position()).isEqualTo("Director");
    assertThat(now.firstName()).isEqualTo("Ada");
  }

  @Test
  void aManagerGetsNoFormForAColleaguesContactButCreatesHisOwn() {
    String u = word();
    UserView manager = manager("Manager " + u);
    UserView colleague = manager("Colleague " + u);
    ContactCommand colleagues =
        new ContactCommand(
            "Theirs", "Contact" + u, null, null, null, null, null, null, colleague.id(), null);
    ContactView theirs = contacts.create(colleagues);

    signInAs(manager);

    open("/contacts/" + theirs.id() + "/edit");
    assertThat(browser.findElement(By.tagName("h1")).getText()).containsAnyOf("403", "404");
    assertThat(browser.findElements(By.cssSelector("[data-testid=contact-form]"))).isEmpty();

    // his own: offered and saved, with him responsible
    open("/contacts");
    browser.findElement(By.linkText("New contact")).click();
    type("f-firstName", "Mine");
    type("f-lastName", "Contact" + u);
    save();
    assertThat(flash()).contains("created");
    assertThat(browser.findElements(By.cssSelector("[data-testid=edit-action]"))).hasSize(1);
    assertThat(contactsNamed("Contact" + u))
        .extracting(ContactView::responsibleId)
        .containsExactlyInAnyOrder(colleague.id(), manager.id());
  }

  private List<ContactView> contactsNamed(String lastName) {
    return contacts
        .list(new ContactFilter(null, null, null, lastName), new ListRequest("-id", 10, null))
        .items();
  }

  private static ContactCommand command(String lastName, String position) {
    return new ContactCommand("Ada", lastName, position, null, null, null, null, null, null, null);
  }
}
