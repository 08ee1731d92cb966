package org.flowcrm.ui.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.flowcrm.crm.company.CompanyCommand;
import org.flowcrm.crm.company.CompanyService;
import org.flowcrm.crm.deal.DealCommand;
import org.flowcrm.crm.deal.DealService;
import org.flowcrm.crm.deal.DealView;
import org.flowcrm.crm.deal.PipelineService;
import org.flowcrm.crm.lead.LeadCommand;
import org.flowcrm.crm.lead.LeadService;
import org.flowcrm.crm.lead.LeadSource;
import org.flowcrm.crm.lead.LeadView;
import org.flowcrm.crm.shared.NotFoundException;
import org.flowcrm.crm.user.UserCommand;
import org.flowcrm.crm.user.UserService;
import org.flowcrm.ui.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Bulk actions on the lists in a real browser: tick rows, choose the action and its argument, and
 * read what was changed and what was refused; "all matching the filter" without ticking anything.
 */
class BulkActionsIT extends BrowserTest {

  @Autowired LeadService leads;
  @Autowired DealService deals;
  @Autowired PipelineService pipelines;
  @Autowired CompanyService companies;
  @Autowired UserService users;

  private static String word() {
    return "zb" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  }

  private LeadView lead(String title) {
    return leads.create(
        new LeadCommand(
            title,
            "Jan",
            "Nowak",
            null,
            null,
            null,
            LeadSource.PHONE,
            null,
            null,
            List.of(),
            List.of(),
            List.of()));
  }

  private WebElement checkbox(long id) {
    return browser.findElement(By.cssSelector("input[name=ids][value='" + id + "']"));
  }

  @Test
  void assignsTwoTickedLeadsToAManagerAndSaysSo() {
    String word = word();
    long manager = users.create(new UserCommand("mgr-" + word, "Manager " + word, null, true)).id();
    LeadView first = lead("Order " + word + " one");
    LeadView second = lead("Order " + word + " two");
    LeadView untouched = lead("Order " + word + " three");

    open("/leads?q=" + word);
    checkbox(first.id()).click();
    checkbox(second.id()).click();
    new Select(browser.findElement(By.id("bulk-action"))).selectByValue("ASSIGN");
    assertThat(browser.findElement(By.id("bulk-responsible")).isDisplayed()).isTrue();
    assertThat(browser.findElement(By.id("bulk-status")).isDisplayed())
        .isFalse(); // script hides it
    new Select(browser.findElement(By.id("bulk-responsible")))
        .selectByVisibleText("Manager " + word);
    browser.findElement(By.id("bulk-apply")).click();

    assertThat(waitFor(By.cssSelector(".flash-success")).getText()).isEqualTo("2 changed.");
    assertThat(browser.getCurrentUrl()).contains("q=" + word); // back on the same filtered list
    assertThat(leads.get(first.id()).responsibleId()).isEqualTo(manager);
    assertThat(leads.get(second.id()).responsibleId()).isEqualTo(manager);
    assertThat(leads.get(untouched.id()).responsibleId()).isNull(); // as created
  }

  @Test
  void aClosedDealIsRefusedByNameWhileTheOtherMoves() {
    String word = word();
    DealView open = deals.create(DealCommand.titled("Deal " + word + " open"));
    DealView won = deals.create(DealCommand.titled("Deal " + word + " won"));
    long wonStage = stage("WON");
    deals.moveToStage(won.id(), wonStage, null);
    long offer = stage("OFFER");

    open("/deals/list?q=" + word);
    checkbox(open.id()).click();
    checkbox(won.id()).click();
    new Select(browser.findElement(By.id("bulk-action"))).selectByValue("MOVE_STAGE");
    new Select(browser.findElement(By.id("bulk-stage"))).selectByValue(Long.toString(offer));
    browser.findElement(By.id("bulk-apply")).click();

    String message = waitFor(By.cssSelector(".flash-info")).getText();
    assertThat(message).startsWith("1 changed, 1 refused: #" + won.id()).contains("closed");
    assertThat(deals.get(open.id()).stageId()).isEqualTo(offer);
    assertThat(deals.get(won.id()).stageId()).isEqualTo(wonStage);
  }

  @Test
  void deletesAllCompaniesMatchingTheFilterAfterAskingAndRefusesAnEmptySelection() {
    String word = word();
    long a =
        companies
            .create(CompanyCommand.named("Firm " + word + " A", List.of(), List.of(), null))
            .id();
    long b =
        companies
            .create(CompanyCommand.named("Firm " + word + " B", List.of(), List.of(), null))
            .id();

    open("/companies?q=" + word);
    browser.findElement(By.id("bulk-apply")).click(); // nothing ticked
    assertThat(waitFor(By.cssSelector(".flash-error")).getText()).contains("tick some rows");

    new Select(browser.findElement(By.id("bulk-action"))).selectByValue("DELETE");
    browser.findElement(By.id("bulk-all")).click();
    browser.findElement(By.id("bulk-apply")).click();
    browser.switchTo().alert().accept();

    assertThat(waitFor(By.cssSelector(".flash-success")).getText()).isEqualTo("2 changed.");
    assertThatThrownBy(() -> companies.get(a)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> companies.get(b)).isInstanceOf(NotFoundException.class);
  }

  private long stage(String code) {
    return pipelines.defaultPipeline().stages().stream()
        .filter(s -> s.code().equals(code))
        .findFirst()
        .orElseThrow()
        .id();
  }
}
