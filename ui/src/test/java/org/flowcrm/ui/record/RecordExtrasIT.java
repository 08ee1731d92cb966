package org.flowcrm.ui.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flowcrm.crm.customfield.CustomFieldCommand;
import org.flowcrm.crm.customfield.CustomFieldService;
import org.flowcrm.crm.customfield.CustomFieldType;
import org.flowcrm.crm.customfield.CustomizableEntity;
import org.flowcrm.crm.deal.DealCommand;
import org.flowcrm.crm.deal.DealService;
import org.flowcrm.crm.deal.DealView;
import org.flowcrm.ui.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A deal card shows the custom fields an administrator added, with the deal's values, and what
 * changed on the deal: which field, from what to what, by whom.
 */
class RecordExtrasIT extends BrowserTest {

  @Autowired DealService deals;
  @Autowired CustomFieldService customFields;

  @Test
  void theDealCardShowsCustomFieldsAndTheChangesMadeToTheDeal() {
    String u = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    customFields.create(
        new CustomFieldCommand(
            CustomizableEntity.DEAL,
            "budget" + u,
            "Budget " + u,
            CustomFieldType.MONEY,
            false,
            null,
            null));
    customFields.create(
        new CustomFieldCommand(
            CustomizableEntity.DEAL,
            "segment" + u,
            "Segment " + u,
            CustomFieldType.LIST,
            false,
            List.of("Retail", "Wholesale"),
            null));
    DealView deal =
        deals.create(
            command(
                "Fleet " + u, "1000", Map.of("budget" + u, "5000 EUR", "segment" + u, "Retail")));
    deals.update(
        deal.id(),
        command("Fleet renewal " + u, "1500", Map.of("segment" + u, "Wholesale")),
        deal.version());

    open("/deals/" + deal.id());

    assertThat(
            browser.findElement(By.cssSelector("[data-testid=custom-budget" + u + "]")).getText())
        .isEqualTo("5000 EUR");
    assertThat(
            browser.findElement(By.cssSelector("[data-testid=custom-segment" + u + "]")).getText())
        .isEqualTo("Wholesale");
    String changes = browser.findElement(By.cssSelector("[data-testid=changes]")).getText();
    assertThat(changes)
        .contains("Title")
        .contains("Fleet " + u)
        .contains("Fleet renewal " + u)
        .contains("Segment " + u)
        .contains("Retail")
        .contains("Amount")
        .contains("1500");
    assertThat(consoleErrors()).isEmpty();
  }

  private static DealCommand command(String title, String amount, Map<String, Object> values) {
    return new DealCommand(
        title,
        null,
        null,
        new BigDecimal(amount),
        "EUR",
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        values);
  }
}
