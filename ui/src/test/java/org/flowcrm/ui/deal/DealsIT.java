package org.flowcrm.ui.deal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.flowcrm.crm.deal.DealCommand;
import org.flowcrm.crm.deal.DealService;
import org.flowcrm.crm.deal.DealView;
import org.flowcrm.crm.deal.PipelineCommand;
import org.flowcrm.crm.deal.PipelineService;
import org.flowcrm.crm.deal.PipelineView;
import org.flowcrm.crm.deal.StageSemantic;
import org.flowcrm.crm.product.ProductCommand;
import org.flowcrm.crm.product.ProductService;
import org.flowcrm.ui.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The deal pages in a real browser against the real CRM: the kanban's columns with count and sum,
 * moving a deal by drag and drop and by the card's form (no script needed), a refused move with the
 * server's reason, the product rows editor with product search and totals while typing, and the
 * stage history and documents on the card.
 */
class DealsIT extends BrowserTest {

  @Autowired DealService deals;
  @Autowired PipelineService pipelines;
  @Autowired ProductService products;

  private static String word() {
    return "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  }

  private DealView deal(String title, String amount) {
    return deals.create(
        new DealCommand(
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
            null));
  }

  private PipelineView.StageView stage(String code) {
    return pipelines.defaultPipeline().stages().stream()
        .filter(s -> s.code().equals(code))
        .findFirst()
        .orElseThrow();
  }

  private WebElement column(long stageId) {
    return browser.findElement(By.cssSelector(".board-column[data-stage-id=\"" + stageId + "\"]"));
  }

  private WebElement card(long dealId) {
    return browser.findElement(By.cssSelector(".deal-card[data-deal-id=\"" + dealId + "\"]"));
  }

  private int count(long stageId) {
    String text = column(stageId).findElement(By.cssSelector(".stage-count")).getText();
    return Integer.parseInt(text.replaceAll("[^0-9]", ""));
  }

  /** HTML5 drag and drop as the browser fires it; Selenium's own drag does not trigger it. */
  private void drag(WebElement card, WebElement target) {
    script(
        "var card = arguments[0], target = arguments[1], data = new DataTransfer();"
            + "function fire(el, type) { el.dispatchEvent(new DragEvent(type,"
            + " {bubbles: true, cancelable: true, dataTransfer: data})); }"
            + "fire(card, 'dragstart'); fire(target, 'dragover'); fire(target, 'drop');"
            + " fire(card, 'dragend');",
        card,
        target);
  }

  @Test
  void theBoardCountsAndSumsEachStageAndMovesByDragAndDrop() {
    // Columns show the largest deals first (the rest behind "show more"), so the amount keeps the
    // card on the first screen whatever other tests left in the stage.
    DealView deal = deal("Solar roof " + word(), "991234.50");
    long first = deal.stageId();
    long offer = stage("OFFER").id();
    open("/deals");
    int before = count(first);
    int offerBefore = count(offer);
    assertThat(card(deal.id()).getText()).contains("Solar roof").contains("991,234.50 EUR");
    assertThat(column(first).findElement(By.tagName("h2")).getText()).isEqualTo(deal.stageName());

    drag(card(deal.id()), column(offer));

    waitUpTo(Duration.ofSeconds(20))
        .until(
            d ->
                !d.findElements(
                        By.cssSelector(
                            ".board-column[data-stage-id=\""
                                + offer
                                + "\"] .deal-card[data-deal-id=\""
                                + deal.id()
                                + "\"]"))
                    .isEmpty());
    assertThat(count(offer)).isEqualTo(offerBefore + 1);
    assertThat(count(first)).isEqualTo(before - 1);
    assertThat(deals.get(deal.id()).stageCode()).isEqualTo("OFFER");
    assertThat(consoleErrors()).isEmpty();
  }

  @Test
  void withoutScriptTheCardsFormMovesTheDealAndARefusalShowsTheReason() {
    DealView deal = deal("Warehouse racks " + word(), "990500");
    long won = stage("WON").id();
    open("/deals");
    new Select(card(deal.id()).findElement(By.tagName("select")))
        .selectByValue(String.valueOf(won));
    card(deal.id()).findElement(By.cssSelector(".move-form button")).click();

    assertThat(waitFor(By.cssSelector(".flash-success")).getText())
        .startsWith("Deal \"Warehouse racks");
    assertThat(deals.get(deal.id()).closed()).isTrue();
    assertThat(
            card(deal.id())
                .findElement(By.xpath("ancestor::section"))
                .getAttribute("data-stage-id"))
        .isEqualTo(String.valueOf(won));

    // A won deal is closed: the server refuses to move it, by drag and drop and by the form.
    drag(card(deal.id()), column(stage("OFFER").id()));
    WebElement message = waitFor(By.cssSelector("#board-message.flash-error"));
    assertThat(message.getText()).startsWith("The deal was not moved: ");
    assertThat(message.getText()).containsIgnoringCase("closed");

    open("/deals");
    new Select(card(deal.id()).findElement(By.tagName("select")))
        .selectByValue(String.valueOf(stage("OFFER").id()));
    card(deal.id()).findElement(By.cssSelector(".move-form button")).click();
    assertThat(waitFor(By.cssSelector(".flash-error[role=alert]")).getText())
        .startsWith("The deal was not moved: ");
    assertThat(deals.get(deal.id()).stageCode()).isEqualTo("WON");
  }

  @Test
  void aLongColumnShowsTheLargestDealsAndLoadsTheRestInPlace() {
    // A pipeline of its own, so the column holds exactly the deals of this test.
    String word = word();
    PipelineView pipeline =
        pipelines.create(
            new PipelineCommand(
                "Board paging " + word,
                null,
                List.of(
                    new PipelineCommand.StageCommand("OPEN", "Open", StageSemantic.OPEN, 10),
                    new PipelineCommand.StageCommand("WON", "Won", StageSemantic.WON, 100),
                    new PipelineCommand.StageCommand("LOST", "Lost", StageSemantic.LOST, 0))));
    long open = pipeline.stages().get(0).id();
    for (int i = 1; i <= 13; i++) {
      deals.create(
          new DealCommand(
              "Pallet " + i + " " + word,
              pipeline.id(),
              open,
              new BigDecimal(i * 100),
              "EUR",
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              null));
    }
    open("/deals?pipeline=" + pipeline.id());
    assertThat(count(open)).isEqualTo(13);
    List<WebElement> first = column(open).findElements(By.cssSelector(".deal-card"));
    assertThat(first).hasSize(10);
    assertThat(first.get(0).getText()).startsWith("Pallet 13 ");
    WebElement more = column(open).findElement(By.cssSelector(".board-more a"));
    // Without script the link is the deal list of that stage.
    assertThat(more.getAttribute("href")).endsWith("/deals/list?stage=" + open);

    more.click();

    waitUpTo(Duration.ofSeconds(20))
        .until(d -> column(open).findElements(By.cssSelector(".deal-card")).size() == 13);
    assertThat(column(open).findElements(By.cssSelector(".board-more"))).isEmpty();
    List<WebElement> all = column(open).findElements(By.cssSelector(".deal-card"));
    assertThat(all.get(12).getText()).startsWith("Pallet 1 ");
    // The loaded cards move like the others.
    assertThat(all.get(12).findElements(By.cssSelector(".move-form select"))).hasSize(1);
    assertThat(consoleErrors()).isEmpty();

    open("/deals/list?stage=" + open);
    assertThat(browser.findElements(By.cssSelector("tbody tr"))).hasSize(13);
  }

  @Test
  void productRowsAreSearchedTotalledWhileTypingAndRecalculatedByTheServer() {
    String word = word();
    products.create(
        new ProductCommand(
            "Zeppelin " + word,
            null,
            null,
            true,
            new BigDecimal("100.00"),
            "EUR",
            "pcs",
            new BigDecimal("23"),
            null));
    DealView deal = deal("Airship tour " + word, "0");
    open("/deals/" + deal.id());

    WebElement name = browser.findElement(By.id("row-0-name"));
    name.sendKeys("Zeppelin " + word.substring(0, 4));
    waitUpTo(Duration.ofSeconds(10))
        .until(
            d ->
                "1"
                    .equals(
                        d.findElement(By.cssSelector(".rows-form"))
                            .getAttribute("data-suggested")));
    assertThat(
            browser
                .findElement(By.cssSelector("#product-suggestions option"))
                .getAttribute("value"))
        .isEqualTo("Zeppelin " + word);
    // Choosing the suggestion fills price and tax from the catalog.
    name.sendKeys(word.substring(4));
    WebElement quantity = browser.findElement(By.name("rows[0].quantity"));
    quantity.clear();
    quantity.sendKeys("2");
    browser.findElement(By.name("rows[0].discountPercent")).clear();
    browser.findElement(By.name("rows[0].discountPercent")).sendKeys("10");

    assertThat(browser.findElement(By.name("rows[0].price")).getAttribute("value"))
        .isEqualTo("100.00");
    // 2 × 100 − 10 % = 180, + 23 % tax = 221.40
    assertThat(browser.findElement(By.id("rows-sum")).getText()).isEqualTo("221.40 EUR");

    browser.findElement(By.cssSelector(".rows-form button[type=submit]")).click();
    assertThat(waitFor(By.cssSelector(".flash-success")).getText()).isEqualTo("Products saved.");
    assertThat(browser.findElement(By.cssSelector("[data-testid=deal-amount]")).getText())
        .isEqualTo("221.40 EUR");
    DealView saved = deals.get(deal.id());
    assertThat(saved.rows()).singleElement().satisfies(r -> assertThat(r.productId()).isNotNull());
    assertThat(saved.amount()).isEqualByComparingTo("221.40");

    // A bad number is refused by the server with the field named.
    browser.findElement(By.name("rows[0].quantity")).clear();
    browser.findElement(By.name("rows[0].quantity")).sendKeys("-1");
    browser.findElement(By.cssSelector(".rows-form button[type=submit]")).click();
    assertThat(waitFor(By.cssSelector(".flash-error")).getText())
        .startsWith("The products were not saved: ")
        .contains("rows[0].quantity");
  }

  @Test
  void theCardShowsStageHistoryAndCreatesQuoteAndInvoice() {
    DealView deal = deal("Office chairs " + word(), "800");
    deals.moveToStage(deal.id(), "OFFER");
    open("/deals/" + deal.id());
    assertThat(browser.findElement(By.cssSelector("[data-testid=stage-history]")).getText())
        .contains("→ Offer");

    new Select(browser.findElement(By.id("deal-stage")))
        .selectByValue(String.valueOf(stage("NEGOTIATION").id()));
    browser.findElement(By.cssSelector(".inline-form button")).click();
    waitFor(By.cssSelector(".flash-success"));
    assertThat(browser.findElement(By.cssSelector("[data-testid=deal-stage]")).getText())
        .isEqualTo("Negotiation");
    assertThat(browser.findElement(By.cssSelector("[data-testid=stage-history] li")).getText())
        .contains("Offer → Negotiation")
        .contains("Administrator");

    browser.findElement(By.xpath("//button[text()='Create quote']")).click();
    assertThat(waitFor(By.cssSelector(".flash-success")).getText())
        .matches("Quote Q-\\d+ created\\.");
    browser.findElement(By.xpath("//button[text()='Create invoice']")).click();
    assertThat(waitFor(By.cssSelector(".flash-success")).getText())
        .matches("Invoice INV-\\d+ created\\.");
    // No process drives this deal: no process panel.
    assertThat(browser.findElements(By.id("viewer"))).isEmpty();
    assertThat(List.of(deal.id())).isNotEmpty();
  }
}
