package org.flowcrm.ui.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.flowcrm.crm.deal.DealCommand;
import org.flowcrm.crm.deal.DealService;
import org.flowcrm.crm.deal.PipelineCommand;
import org.flowcrm.crm.deal.PipelineCommand.StageCommand;
import org.flowcrm.crm.deal.PipelineService;
import org.flowcrm.crm.deal.PipelineView;
import org.flowcrm.crm.deal.StageSemantic;
import org.flowcrm.crm.user.UserCommand;
import org.flowcrm.crm.user.UserService;
import org.flowcrm.ui.BrowserTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The report designer in a real browser, as a sales director builds "deals by stage and
 * responsible, sum of amount" in a pipeline of its own: Anna has 1000 and 500 in "Lead in" and 300
 * in "Offer sent", Ben 200 in "Lead in".
 */
class ReportDesignerIT extends BrowserTest {

  @Autowired PipelineService pipelines;
  @Autowired DealService deals;
  @Autowired UserService users;

  private PipelineView pipeline;
  private String anna;
  private String ben;

  private static String word() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  }

  @BeforeEach
  void board() {
    pipeline =
        pipelines.create(
            new PipelineCommand(
                "Designer board " + word(),
                500,
                List.of(
                    new StageCommand("NEW", "Lead in", null, 10),
                    new StageCommand("OFFER", "Offer sent", null, 40),
                    new StageCommand("WON", "Won", StageSemantic.WON, null),
                    new StageCommand("LOST", "Lost", StageSemantic.LOST, null))));
    anna = "Anna " + word();
    ben = "Ben " + word();
    long annaId = users.create(new UserCommand("a" + word(), anna, null, true)).id();
    long benId = users.create(new UserCommand("b" + word(), ben, null, true)).id();
    deal("One", annaId, "1000");
    deal("Two", annaId, "500");
    long offer = deal("Three", annaId, "300");
    long stage =
        pipeline.stages().stream()
            .filter(s -> s.code().equals("OFFER"))
            .findFirst()
            .orElseThrow()
            .id();
    deals.moveToStage(offer, stage, null);
    deal("Four", benId, "200");
  }

  @Test
  void buildDealsByStageAndResponsibleWithSumOfAmountSeeTheNumbersSaveAndReopen() {
    open("/reports");
    waitFor(By.cssSelector("[data-testid=designer-new]")).click();
    waitFor(By.cssSelector("[data-testid=designer-form]"));
    select("columns-0-field", "Amount in base currency");
    select("columns-0-aggregate", "Sum");
    // a second column: the form posts back with one more row (no script needed)
    browser.findElement(By.cssSelector("[data-testid=designer-add-column]")).click();
    waitFor(By.id("columns-1-field"));
    assertThat(
            new Select(browser.findElement(By.id("columns-0-aggregate")))
                .getFirstSelectedOption()
                .getText())
        .isEqualTo("Sum");
    select("columns-1-aggregate", "Count");
    select("filters-0-field", "Pipeline");
    select("filters-0-operator", "is");
    browser.findElement(By.id("filters-0-values")).sendKeys(pipeline.name());
    select("groupBy-0-field", "Stage");
    select("groupBy-1-field", "Responsible");
    browser.findElement(By.cssSelector("[data-testid=designer-preview]")).click();

    List<WebElement> rows = tableRows();
    assertThat(rows).hasSize(3);
    assertThat(cells(rows.get(0))).containsExactly("Lead in", anna, "1,500.00 EUR", "2");
    assertThat(cells(rows.get(1))).containsExactly("Lead in", ben, "200.00 EUR", "1");
    assertThat(cells(rows.get(2))).containsExactly("Offer sent", anna, "300.00 EUR", "1");
    assertThat(cells(browser.findElement(By.cssSelector("[data-testid=designer-totals]"))))
        .containsExactly("Total", "", "2,000.00 EUR", "4");
    List<WebElement> bars = browser.findElements(By.cssSelector("[data-testid=report-chart] li"));
    assertThat(bars.get(0).getText()).contains("Lead in · " + anna).contains("1,500.00 EUR");

    String name = "Stage and responsible " + word();
    browser.findElement(By.id("designer-name")).sendKeys(name);
    browser.findElement(By.cssSelector("[data-testid=designer-save]")).click();
    waitFor(By.cssSelector("[data-testid=designer-csv]"));
    assertThat(browser.getCurrentUrl()).matches(".*/reports/designer/\\d+");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(name);
    assertThat(cells(tableRows().get(0))).containsExactly("Lead in", anna, "1,500.00 EUR", "2");

    // reopen from the reports page: the definition and its numbers are back
    open("/reports");
    waitFor(By.cssSelector("[data-testid=designer-definitions]"))
        .findElement(By.linkText(name))
        .click();
    waitFor(By.cssSelector("[data-testid=designer-table]"));
    assertThat(selected("groupBy-0-field")).isEqualTo("Stage");
    assertThat(selected("groupBy-1-field")).isEqualTo("Responsible");
    assertThat(browser.findElement(By.id("filters-0-values")).getAttribute("value"))
        .isEqualTo(pipeline.name());
    assertThat(cells(tableRows().get(2))).containsExactly("Offer sent", anna, "300.00 EUR", "1");
    assertThat(
            browser.findElement(By.cssSelector("[data-testid=designer-csv]")).getAttribute("href"))
        .endsWith(".csv");
  }

  @Test
  void aRefusedDefinitionIsNamedAndThePageFitsAPhoneInPolish() {
    browser.manage().window().setSize(PHONE);
    open("/reports/designer?lang=pl");
    waitFor(By.cssSelector("[data-testid=designer-form]"));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Projektant raportów");
    select("columns-0-field", "Tytuł");
    select("groupBy-0-field", "Etap");
    browser.findElement(By.cssSelector("[data-testid=designer-preview]")).click();
    WebElement error = waitFor(By.cssSelector("[data-testid=designer-error]"));
    assertThat(error.getText()).contains("columns[0].aggregate");
    assertThat(browser.findElement(By.id("columns-0-field")).getAttribute("aria-invalid"))
        .isEqualTo("true");
    long overflow =
        (Long) script("return document.documentElement.scrollWidth - window.innerWidth;");
    assertThat(overflow).isLessThanOrEqualTo(0);
  }

  // ---- helpers

  private List<WebElement> tableRows() {
    return waitFor(By.cssSelector("[data-testid=designer-table]"))
        .findElements(By.cssSelector("tbody tr"));
  }

  private static List<String> cells(WebElement row) {
    return row.findElements(By.cssSelector("td, th")).stream().map(WebElement::getText).toList();
  }

  private void select(String id, String text) {
    new Select(browser.findElement(By.id(id))).selectByVisibleText(text);
  }

  private String selected(String id) {
    return new Select(browser.findElement(By.id(id))).getFirstSelectedOption().getText();
  }

  private long deal(String title, long responsibleId, String amount) {
    return deals
        .create(
            new DealCommand(
                title,
                pipeline.id(),
                null,
                new BigDecimal(amount),
                "EUR",
                null,
                null,
                null,
                responsibleId,
                true,
                null,
                null,
                List.of()))
        .id();
  }
}
