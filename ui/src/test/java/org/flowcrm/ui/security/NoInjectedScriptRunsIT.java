package org.flowcrm.ui.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.flowcrm.ui.security.Payloads.fill;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flowcrm.crm.company.AddressType;
import org.flowcrm.crm.company.CompanyCommand;
import org.flowcrm.crm.company.CompanyService;
import org.flowcrm.crm.contact.ContactCommand;
import org.flowcrm.crm.contact.ContactService;
import org.flowcrm.crm.deal.DealCommand;
import org.flowcrm.crm.deal.DealService;
import org.flowcrm.crm.lead.LeadCommand;
import org.flowcrm.crm.lead.LeadService;
import org.flowcrm.crm.lead.LeadSource;
import org.flowcrm.crm.shared.EmailType;
import org.flowcrm.crm.shared.PhoneType;
import org.flowcrm.ui.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The main cards and lists opened in a real Chromium with script payloads in every text field of
 * the lead, contact, company and deal: no alert dialog opens and no link leads to {@code
 * javascript:}. The detector is tried first on a page's own alert, so it is known to see one.
 */
class NoInjectedScriptRunsIT extends BrowserTest {

  @Autowired LeadService leads;
  @Autowired ContactService contacts;
  @Autowired CompanyService companies;
  @Autowired DealService deals;

  @Test
  void cardsAndListsWithPayloadsOpenNoAlert() {
    open("/");
    script("setTimeout(function () { alert('probe'); }, 0);");
    waitUpTo(Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent()).accept();

    List<String> pages = new ArrayList<>();
    int n = 0;
    for (String payload : List.of(Payloads.SCRIPT, Payloads.IMG, Payloads.JS_URL)) {
      n++;
      Map<String, Object> given = new HashMap<>();
      given.put("Phone.type", PhoneType.MOBILE);
      given.put("Phone.value", "+48 601 000 00" + n);
      given.put("Email.type", EmailType.WORK);
      given.put("Email.value", "alert-" + n + "-" + System.nanoTime() + "@example.com");
      given.put("CompanyAddress.type", AddressType.LEGAL);
      given.put("ProductRow.productId", null);
      given.put("ProductRow.quantity", BigDecimal.ONE);
      given.put("ProductRow.price", BigDecimal.TEN);
      long company = companies.create(fill(CompanyCommand.class, payload, given)).id();
      long contact =
          contacts
              .create(
                  fill(
                      ContactCommand.class,
                      payload,
                      with(given, "ContactCommand.companyIds", List.of(company))))
              .id();
      long lead =
          leads
              .create(
                  fill(
                      LeadCommand.class,
                      payload,
                      with(
                          given, "LeadCommand.source", LeadSource.API, "LeadCommand.status", null)))
              .id();
      long deal =
          deals
              .create(
                  fill(
                      DealCommand.class,
                      payload,
                      with(
                          given,
                          "DealCommand.companyId",
                          company,
                          "DealCommand.contactIds",
                          List.of(contact))))
              .id();
      pages.addAll(
          List.of(
              "/leads/" + lead, "/contacts/" + contact, "/companies/" + company, "/deals/" + deal));
    }
    pages.addAll(List.of("/", "/leads", "/contacts", "/companies", "/deals", "/deals/list"));

    for (String page : pages) {
      open(page);
      assertThatThrownBy(
              () -> waitUpTo(Duration.ofMillis(800)).until(ExpectedConditions.alertIsPresent()))
          .as("an alert opened on %s", page)
          .isInstanceOf(TimeoutException.class);
      assertThat(
              script(
                  "return document.querySelectorAll("
                      + "'a[href^=\"javascript:\" i], img[src=\"x\"], [onerror]').length;"))
          .as("injected elements on %s", page)
          .isEqualTo(0L);
    }
    assertThat(consoleErrors()).as("nothing failed in the pages").isEmpty();
  }

  private static Map<String, Object> with(Map<String, Object> given, Object... pairs) {
    Map<String, Object> map = new LinkedHashMap<>(given);
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }
}
