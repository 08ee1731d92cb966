package org.flowcrm.ui.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.flowcrm.crm.deal.DealCommand;
import org.flowcrm.crm.deal.DealService;
import org.flowcrm.crm.deal.PipelineCommand;
import org.flowcrm.crm.deal.PipelineCommand.StageCommand;
import org.flowcrm.crm.deal.PipelineService;
import org.flowcrm.crm.deal.PipelineView;
import org.flowcrm.crm.deal.StageSemantic;
import org.flowcrm.crm.shared.ProductRow;
import org.flowcrm.crm.user.UserCommand;
import org.flowcrm.crm.user.UserService;
import org.flowcrm.ui.BrowserTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The report pages in a real browser, read as a sales director would: March 2025 in a pipeline of
 * its own with two managers. Anna won 1000 and 500 (one deal created in February) and lost 200; Ben
 * won 300 and has one open deal of 100.
 */
class ReportsIT extends BrowserTest {

  @Autowired PipelineService pipelines;
  @Autowired DealService deals;
  @Autowired UserService users;
  @Autowired JdbcClient jdbc;

  private PipelineView pipeline;
  private String anna;
  private String ben;

  private static String word() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  }

  @BeforeEach
  void march() {
    pipeline =
        pipelines.create(
            new PipelineCommand(
                "Report board " + word(),
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
    long a1 = deal("Big order", annaId, "1000", List.of(row("Widget", 2, "500")));
    move(a1, "OFFER", "WON");
    dates(a1, "2025-03-03", "2025-03-20");
    long a2 = deal("Follow-up", annaId, "500", List.of());
    move(a2, "WON");
    dates(a2, "2025-02-10", "2025-03-05");
    long a3 = deal("Gone", annaId, "200", List.of());
    move(a3, "OFFER", "LOST");
    dates(a3, "2025-03-04", "2025-03-25");
    long b1 = deal("Small order", benId, "300", List.of(row("Gadget", 3, "100")));
    move(b1, "WON");
    dates(b1, "2025-03-06", "2025-03-28");
    long b2 = deal("Maybe", benId, "100", List.of());
    dates(b2, "2025-03-07", null);
  }

  @Test
  void theManagersReportShowsChartTableTotalsAndCsvForThePeriod() {
    open("/reports");
    waitFor(By.linkText("Managers' deal volume")).click();
    waitFor(By.cssSelector("[data-testid=report-filters]"));
    // the filters are a plain GET form: choose the period and the pipeline and submit
    setDate("report-from", "2025-03-01");
    setDate("report-to", "2025-03-31");
    selectByText("report-pipelineId", pipeline.name());
    browser.findElement(By.cssSelector("[data-testid=report-filters] button[type=submit]")).click();
    waitFor(By.cssSelector("[data-testid=report-table]"));
    assertThat(browser.getCurrentUrl())
        .contains("from=2025-03-01", "to=2025-03-31", "pipelineId=" + pipeline.id());

    List<WebElement> rows =
        browser.findElements(By.cssSelector("[data-testid=report-table] tbody tr"));
    assertThat(rows).hasSize(2);
    // Anna: worked 2 (the February deal is not), won 2 and lost 1 closed in March, income 1500
    assertThat(cells(rows.get(0)))
        .containsExactly(anna, "2", "2", "1", "66.7 %", "33.3 %", "1,500.00 EUR");
    assertThat(cells(rows.get(1)))
        .containsExactly(ben, "2", "1", "0", "100 %", "0 %", "300.00 EUR");
    assertThat(cells(browser.findElement(By.cssSelector("[data-testid=report-totals]"))).get(6))
        .isEqualTo("1,800.00 EUR");
    List<WebElement> bars = browser.findElements(By.cssSelector("[data-testid=report-chart] li"));
    assertThat(bars).hasSize(2);
    assertThat(bars.get(0).getText()).contains(anna).contains("1,500.00 EUR");
    assertThat(bars.get(0).findElement(By.cssSelector("rect")).getAttribute("width"))
        .isEqualTo("100");
    assertThat(bars.get(1).findElement(By.cssSelector("rect")).getAttribute("width"))
        .isEqualTo("20");
    String csv =
        browser.findElement(By.cssSelector("[data-testid=report-csv]")).getAttribute("href");
    assertThat(csv).contains("/reports/managers.csv?from=2025-03-01&to=2025-03-31");
  }

  @Test
  void wonDealsAndProductIncomeListWhatWasSold() {
    open("/reports/won-deals?from=2025-03-01&to=2025-03-31&pipelineId=" + pipeline.id());
    List<WebElement> rows =
        waitFor(By.cssSelector("[data-testid=report-table]"))
            .findElements(By.cssSelector("tbody tr"));
    assertThat(rows)
        .extracting(r -> cells(r).get(0))
        .containsExactly("Small order", "Big order", "Follow-up");
    assertThat(cells(rows.get(1))).contains("Widget", "1,000.00 EUR");

    open("/reports/product-income?from=2025-03-01&to=2025-03-31&pipelineId=" + pipeline.id());
    rows =
        waitFor(By.cssSelector("[data-testid=report-table]"))
            .findElements(By.cssSelector("tbody tr"));
    assertThat(cells(rows.get(0))).containsExactly("Widget", "1", "2", "1,000.00 EUR");
    assertThat(cells(rows.get(1))).containsExactly("Gadget", "1", "3", "300.00 EUR");
  }

  @Test
  void theFunnelShowsStagesWithConversionWonAndLostAndWhereDealsWereLost() {
    open("/reports/funnel?from=2025-03-01&to=2025-03-31&pipelineId=" + pipeline.id());
    WebElement funnel = waitFor(By.cssSelector("[data-testid=funnel-pipeline]"));
    assertThat(funnel.findElement(By.tagName("h2")).getText()).isEqualTo(pipeline.name());
    // created in March: Big order, Gone, Small order, Maybe
    List<WebElement> stages = funnel.findElements(By.cssSelector("[data-testid=funnel-stage]"));
    assertThat(stages).hasSize(2);
    assertThat(stages.get(0).getText()).contains("Lead in").contains("1,600.00 EUR");
    assertThat(count(stages.get(0))).isEqualTo("4");
    // Offer sent: Big order and Gone passed it, Small order was won (won deals pass every stage)
    assertThat(count(stages.get(1))).isEqualTo("3");
    assertThat(
            stages.get(1).findElement(By.cssSelector("[data-testid=funnel-conversion]")).getText())
        .isEqualTo("75 % of the stage before");
    assertThat(funnel.findElement(By.cssSelector("[data-testid=funnel-won]")).getText())
        .contains("2")
        .contains("1,300.00 EUR")
        .contains("50 %");
    assertThat(funnel.findElement(By.cssSelector("[data-testid=funnel-lost]")).getText())
        .contains("1")
        .contains("200.00 EUR")
        .contains("25 %");
    List<WebElement> reasons =
        funnel.findElements(By.cssSelector("[data-testid=funnel-lost-reasons] tbody tr"));
    assertThat(cells(reasons.get(0))).containsExactly("Offer sent", "1", "200.00 EUR");
  }

  @Test
  void aBadPeriodIsShownAtTheFieldAndThePageStillWorksOnAPhoneInPolish() {
    open("/reports/managers?from=2025-03-31&to=2025-03-01");
    WebElement error = waitFor(By.id("report-error"));
    assertThat(error.getText()).contains("to").contains("must not be before from");
    assertThat(browser.findElement(By.id("report-to")).getAttribute("aria-invalid"))
        .isEqualTo("true");

    browser.manage().window().setSize(PHONE);
    open("/reports/funnel?lang=pl&from=2025-03-01&to=2025-03-31&pipelineId=" + pipeline.id());
    waitFor(By.cssSelector("[data-testid=funnel-pipeline]"));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Lejek sprzedaży");
    long overflow =
        (Long) script("return document.documentElement.scrollWidth - window.innerWidth;");
    assertThat(overflow).isLessThanOrEqualTo(0);
  }

  @Test
  void reportRowsLinkToTheManagersDealsAndToTheDealCard() {
    open("/reports/managers?from=2025-03-01&to=2025-03-31&pipelineId=" + pipeline.id());
    waitFor(By.cssSelector("[data-testid=report-table]"));
    // the manager's name leads to the deal list filtered by him: his three deals, none of Ben's
    browser.findElement(By.linkText(anna)).click();
    waitFor(By.cssSelector("[data-testid=deal-list-responsible]"));
    assertThat(browser.getCurrentUrl()).contains("/deals/list?responsible=");
    assertThat(browser.findElement(By.cssSelector("[data-testid=deal-list-responsible]")).getText())
        .contains(anna);
    List<String> titles =
        browser.findElements(By.cssSelector("table tbody tr td a")).stream()
            .map(WebElement::getText)
            .toList();
    assertThat(titles).contains("Big order", "Follow-up", "Gone").doesNotContain("Small order");

    // a won deal's row opens the deal card
    open("/reports/won-deals?from=2025-03-01&to=2025-03-31&pipelineId=" + pipeline.id());
    waitFor(By.cssSelector("[data-testid=report-table]"));
    browser.findElement(By.linkText("Small order")).click();
    waitFor(By.tagName("h1"));
    assertThat(browser.getCurrentUrl()).matches(".*/deals/\\d+$");
    assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Small order");

    // open deals by stage: the stage leads to the list of its deals
    open("/reports/open-deals-by-stage?pipelineId=" + pipeline.id());
    waitFor(By.cssSelector("[data-testid=report-table]"));
    browser.findElement(By.linkText("Lead in")).click();
    waitFor(By.cssSelector("table tbody"));
    assertThat(browser.getCurrentUrl()).contains("/deals/list?stage=");
    assertThat(browser.findElement(By.cssSelector("table tbody")).getText()).contains("Maybe");
  }

  @Test
  void lineAndPieChartsAreDrawnAsTheKindChosenWithTheirValuesAsText() {
    open("/reports/managers?from=2025-03-01&to=2025-03-31&chart=LINE&pipelineId=" + pipeline.id());
    WebElement line = waitFor(By.cssSelector("[data-testid=report-chart]"));
    assertThat(line.getAttribute("data-chart")).isEqualTo("LINE");
    WebElement svg = line.findElement(By.tagName("svg"));
    assertThat(svg.getAttribute("role")).isEqualTo("img");
    assertThat(browser.findElement(By.id(svg.getAttribute("aria-labelledby"))).getText())
        .contains("Line chart");
    // Anna 1,500 then Ben 300: two points, the second lower (a larger y) than the first
    String[] points = line.findElement(By.tagName("polyline")).getAttribute("points").split(" ");
    assertThat(points).hasSize(2);
    assertThat(Double.parseDouble(points[1].split(",")[1]))
        .isGreaterThan(Double.parseDouble(points[0].split(",")[1]));
    assertThat(line.findElements(By.cssSelector("rect"))).isEmpty();
    assertThat(line.findElement(By.cssSelector(".chart-legend")).getText())
        .contains(anna, "1,500.00 EUR", ben, "300.00 EUR");

    // the chart select of the filter form switches to a pie: one slice each, shares as text
    selectByText("report-chart", "Pie");
    browser.findElement(By.cssSelector("[data-testid=report-filters] button[type=submit]")).click();
    WebElement pie = waitFor(By.cssSelector("[data-testid=report-chart][data-chart=PIE]"));
    assertThat(browser.getCurrentUrl()).contains("chart=PIE");
    List<WebElement> slices = pie.findElements(By.cssSelector("svg path"));
    assertThat(slices).hasSize(2);
    assertThat(slices.get(0).getAttribute("d")).startsWith("M50,50 L50,5 A45,45 0 1 1");
    assertThat(pie.findElement(By.cssSelector(".chart-legend")).getText())
        .contains(anna + " 1,500.00 EUR (83.3 %)", ben + " 300.00 EUR (16.7 %)");
  }

  @Test
  void aStandardReportIsCustomizedInTheDesignerWithTheSameFiguresAndSaved() {
    open("/reports/managers?from=2025-03-01&to=2025-03-31&pipelineId=" + pipeline.id());
    waitFor(By.cssSelector("[data-testid=report-customize]")).click();
    waitFor(By.cssSelector("[data-testid=designer-result]"));
    assertThat(browser.findElement(By.cssSelector("[data-testid=designer-copy-of]")).getText())
        .contains("Managers' deal volume");
    assertThat(browser.findElement(By.id("designer-entity")).getAttribute("value"))
        .isEqualTo("deals");
    // deals created in March in this pipeline per manager: the report's "worked" column
    List<List<String>> rows =
        browser.findElements(By.cssSelector("[data-testid=designer-table] tbody tr")).stream()
            .map(ReportsIT::cells)
            .toList();
    assertThat(rows).contains(List.of(anna, "2", "1,200.00 EUR"), List.of(ben, "2", "400.00 EUR"));
    assertThat(
            browser.findElements(By.cssSelector("[data-testid=designer-filters] input")).stream()
                .map(i -> i.getAttribute("value"))
                .toList())
        .contains("2025-03-01, 2025-03-31", pipeline.name());

    // the user changes it (a pie) and saves it as his own
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("designer-chart")))
        .selectByValue("PIE");
    browser.findElement(By.id("designer-name")).clear();
    String name = "My managers " + word();
    browser.findElement(By.id("designer-name")).sendKeys(name);
    browser.findElement(By.cssSelector("[data-testid=designer-save]")).click();
    waitFor(By.cssSelector("[data-testid=designer-result]"));
    assertThat(browser.getCurrentUrl()).matches(".*/reports/designer/\\d+$");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(name);
    assertThat(
            browser.findElements(By.cssSelector("[data-testid=report-chart][data-chart=PIE] path")))
        .hasSize(2);

    // deal volume by contact cannot be a designed report: the page says so instead of a button
    open("/reports/contacts?from=2025-03-01&to=2025-03-31");
    waitFor(By.cssSelector("[data-testid=report-no-copy]"));
    assertThat(browser.findElements(By.cssSelector("[data-testid=report-customize]"))).isEmpty();
  }

  // ---- helpers

  private static String count(WebElement stage) {
    return stage.findElement(By.cssSelector("[data-testid=funnel-count]")).getText();
  }

  private static List<String> cells(WebElement row) {
    return row.findElements(By.cssSelector("td, th")).stream().map(WebElement::getText).toList();
  }

  private void setDate(String id, String isoDate) {
    // a date input's typed format depends on the browser's locale; set the value as a form would
    script("arguments[0].value = arguments[1];", browser.findElement(By.id(id)), isoDate);
  }

  private void selectByText(String id, String text) {
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id(id)))
        .selectByVisibleText(text);
  }

  private long deal(String title, long responsibleId, String amount, List<ProductRow> rows) {
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
                rows))
        .id();
  }

  private static ProductRow row(String name, int quantity, String price) {
    return new ProductRow(
        null, name, BigDecimal.valueOf(quantity), new BigDecimal(price), null, null);
  }

  private void move(long deal, String... stageCodes) {
    for (String code : stageCodes) {
      long stage =
          pipeline.stages().stream()
              .filter(s -> s.code().equals(code))
              .findFirst()
              .orElseThrow()
              .id();
      deals.moveToStage(deal, stage, null);
    }
  }

  private void dates(long deal, String created, String closed) {
    jdbc.sql("UPDATE crm_deal SET created_at = ?, closed_at = ? WHERE id = ?")
        .params(
            Timestamp.valueOf(LocalDateTime.parse(created + "T10:00:00")),
            closed == null ? null : Timestamp.valueOf(LocalDateTime.parse(closed + "T10:00:00")),
            deal)
        .update();
  }
}
