package org.flowcrm.ui.quote;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.flowcrm.crm.deal.DealCommand;
import org.flowcrm.crm.deal.DealService;
import org.flowcrm.crm.quote.QuoteService;
import org.flowcrm.crm.quote.QuoteView;
import org.flowcrm.ui.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/** The deal card lists its quotes, each with a "PDF" link the signed-in browser can open. */
class QuotePdfLinkIT extends BrowserTest {

  @Autowired DealService deals;
  @Autowired QuoteService quotes;

  @Test
  void theDealCardLinksEachQuoteToItsPdf() {
    String word = "qp" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    long deal = deals.create(DealCommand.titled("Roof " + word)).id();
    QuoteView quote = quotes.createFromDeal(deal);

    open("/deals/" + deal);
    waitFor(By.cssSelector("[data-testid=deal-quotes]"));
    assertThat(browser.findElement(By.cssSelector("[data-testid=deal-quotes]")).getText())
        .contains(quote.number())
        .contains("PDF");
    String href =
        browser.findElement(By.cssSelector("[data-testid=quote-pdf]")).getDomAttribute("href");
    assertThat(href).endsWith("/quotes/" + quote.id() + "/pdf");
    // fetched with the page's session, as a click would open it
    Object answer =
        browser.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0]).then(r => r.arrayBuffer().then(b => done(r.status + ' '"
                + " + r.headers.get('content-type') + ' ' + new TextDecoder().decode(b.slice(0, 5)))));",
            href);
    assertThat(answer).isEqualTo("200 application/pdf %PDF-");
  }
}
