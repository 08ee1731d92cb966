package org.flowcrm.ui.listview;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flowcrm.crm.company.CompanyCommand;
import org.flowcrm.crm.company.CompanyService;
import org.flowcrm.crm.contact.ContactCommand;
import org.flowcrm.crm.contact.ContactService;
import org.flowcrm.crm.customfield.CustomFieldCommand;
import org.flowcrm.crm.customfield.CustomFieldService;
import org.flowcrm.crm.customfield.CustomFieldType;
import org.flowcrm.crm.customfield.CustomizableEntity;
import org.flowcrm.ui.BrowserTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The contact and the company list with the lead list's machinery: a text custom field as a column
 * and a filter (first letters), saved as a view and opened again from its tab.
 */
class ContactListViewsIT extends BrowserTest {

  @Autowired ContactService contacts;
  @Autowired CompanyService companies;
  @Autowired CustomFieldService customFields;

  private List<String> headers() {
    return browser.findElements(By.cssSelector(".data-table thead th")).stream()
        .map(WebElement::getText)
        .toList();
  }

  private List<String> names() {
    return browser.findElements(By.cssSelector(".data-table tbody td a")).stream()
        .map(WebElement::getText)
        .toList();
  }

  private void record(String list, String name, String code, String value) {
    Map<String, Object> values = Map.of(code, value);
    if (list.equals("contacts")) {
      contacts.create(
          new ContactCommand(
              name, null, null, null, null, List.of(), List.of(), List.of(), null, null, null,
              values));
    } else {
      companies.create(
          CompanyCommand.named(name, List.of(), List.of(), null).withCustomFields(values));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"contacts", "companies"})
  void filtersByATextCustomFieldShowsItAsAColumnAndSavesTheView(String list) {
    String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    String word = "zc" + suffix;
    String code = "source" + suffix;
    customFields.create(
        new CustomFieldCommand(
            list.equals("contacts") ? CustomizableEntity.CONTACT : CustomizableEntity.COMPANY,
            code,
            "Source " + suffix,
            CustomFieldType.STRING,
            false,
            null,
            null));
    record(list, word + " Alpha", code, "Trade fair Berlin");
    record(list, word + " Beta", code, "Referral");

    open("/" + list + "?q=" + word);
    assertThat(names()).hasSize(2);
    browser.findElement(By.cssSelector(".columns-chooser summary")).click();
    browser.findElement(By.cssSelector(".columns-chooser input[value='cf." + code + "']")).click();
    browser.findElement(By.id("filter-cf-" + code)).sendKeys("Trade");
    browser.findElement(By.cssSelector(".filters button[type=submit]")).click();

    waitFor(By.cssSelector(".data-table"));
    assertThat(headers()).contains("Source " + suffix);
    assertThat(names()).containsExactly(word + " Alpha");
    assertThat(browser.findElement(By.cssSelector(".data-table tbody")).getText())
        .contains("Trade fair Berlin");

    String name = "Fair " + suffix;
    browser.findElement(By.cssSelector(".save-view summary")).click();
    browser.findElement(By.id("view-name")).sendKeys(name);
    browser.findElement(By.id("view-save")).click();
    assertThat(waitFor(By.cssSelector(".flash-success")).getText())
        .isEqualTo("View \"" + name + "\" saved.");

    browser.findElement(By.linkText("All")).click();
    waitFor(By.cssSelector(".view-tabs a[aria-current=page]"));
    assertThat(headers()).doesNotContain("Source " + suffix);
    browser.findElement(By.linkText(name)).click();
    waitFor(By.cssSelector(".data-table"));
    assertThat(browser.findElement(By.id("filter-cf-" + code)).getAttribute("value"))
        .isEqualTo("Trade");
    assertThat(headers()).contains("Source " + suffix);
    assertThat(names()).containsExactly(word + " Alpha");
  }
}
