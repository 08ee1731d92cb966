package org.flowcrm.ui.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.flowcrm.crm.deal.DealCommand;
import org.flowcrm.crm.deal.DealService;
import org.flowcrm.crm.deal.DealView;
import org.flowcrm.crm.invoice.InvoiceFilter;
import org.flowcrm.crm.invoice.InvoiceService;
import org.flowcrm.crm.invoice.InvoiceStatus;
import org.flowcrm.crm.invoice.InvoiceView;
import org.flowcrm.crm.quote.QuoteFilter;
import org.flowcrm.crm.quote.QuoteService;
import org.flowcrm.crm.quote.QuoteView;
import org.flowcrm.crm.shared.ListRequest;
import org.flowcrm.crm.shared.ProductRow;
import org.flowcrm.ui.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Quotes and invoices in a real browser: an invoice created on a deal's card appears in the list
 * and on the card with the deal's rows and totals, its PDF is served as application/pdf behind the
 * session and by the public link, and marking it paid is shown (and refused once it is paid); a
 * quote moves through the statuses its card offers.
 */
class DocumentsIT extends BrowserTest {

  @Autowired DealService deals;
  @Autowired InvoiceService invoices;
  @Autowired QuoteService quotes;

  private DealView dealWithRows(String title) {
    // 2 × 100 − 10 % + 23 % tax = 221.40; 1 × 50 + 0 % = 50.00: net 230.00, tax 41.40
    return deals.create(
        new DealCommand(
            title,
            null,
            null,
            null,
            "EUR",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            List.of(
                new ProductRow(
                    null,
                    "Desk <i>oak</i>",
                    new BigDecimal("2"),
                    new BigDecimal("100"),
                    new BigDecimal("10"),
                    new BigDecimal("23")),
                new ProductRow(
                    null,
                    "Assembly",
                    BigDecimal.ONE,
                    new BigDecimal("50"),
                    BigDecimal.ZERO,
                    BigDecimal.ZERO))));
  }

  private HttpResponse<byte[]> fetch(String href, boolean withSession) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(href));
    if (withSession) {
      request.header(
          "Cookie",
          browser.manage().getCookies().stream()
              .map(c -> c.getName() + "=" + c.getValue())
              .collect(Collectors.joining("; ")));
    }
    return HttpClient.newHttpClient()
        .send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void anInvoiceFromTheDealCardIsListedTotalledServedAsPdfAndMarkedPaid() throws Exception {
    String title = "Office fit-out " + UUID.randomUUID().toString().substring(0, 8);
    DealView deal = dealWithRows(title);
    open("/deals/" + deal.id());
    assertThat(waitFor(By.cssSelector("[data-testid=deal-invoices]")).getText())
        .isEqualTo("No invoices yet.");
    browser.findElement(By.xpath("//button[text()='Create invoice']")).click();
    assertThat(waitFor(By.cssSelector(".flash-success")).getText())
        .matches("Invoice INV-\\d+ created\\.");
    InvoiceView invoice =
        invoices
            .list(
                new InvoiceFilter(null, deal.id(), null, null, null),
                new ListRequest("-id", 5, null))
            .items()
            .get(0);
    // The card's documents section links the new invoice.
    assertThat(browser.findElement(By.cssSelector("[data-testid=deal-invoices]")).getText())
        .contains(invoice.number())
        .contains("Draft")
        .contains("271.40 EUR");

    open("/invoices?status=DRAFT");
    WebElement row = waitFor(By.xpath("//a[@data-invoice-id='" + invoice.id() + "']/ancestor::tr"));
    assertThat(row.getText())
        .contains(invoice.number())
        .contains(title)
        .contains("Draft")
        .contains("271.40 EUR");
    assertThat(row.findElements(By.cssSelector(".badge-danger"))).isEmpty();
    open("/invoices?status=PAID");
    assertThat(browser.findElements(By.cssSelector("a[data-invoice-id='" + invoice.id() + "']")))
        .isEmpty();

    open("/invoices");
    browser.findElement(By.cssSelector("a[data-invoice-id='" + invoice.id() + "']")).click();
    assertThat(waitFor(By.cssSelector("[data-testid=invoice-status]")).getText())
        .isEqualTo("Draft");
    assertThat(browser.findElement(By.cssSelector("[data-testid=document-deal]")).getText())
        .isEqualTo(title);
    List<WebElement> rows = browser.findElements(By.cssSelector(".document-rows tbody tr"));
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).getText()).contains("Desk <i>oak</i>").contains("221.40 EUR");
    assertThat(rows.get(1).getText()).contains("Assembly").contains("50.00 EUR");
    assertThat(browser.findElement(By.cssSelector("[data-testid=total-net]")).getText())
        .isEqualTo("230.00 EUR");
    assertThat(browser.findElement(By.cssSelector("[data-testid=total-tax]")).getText())
        .isEqualTo("41.40 EUR");
    assertThat(browser.findElement(By.cssSelector("[data-testid=total-gross]")).getText())
        .isEqualTo("271.40 EUR");

    // The PDF behind the session, and the same bytes' kind behind the public link, no session.
    String pdfHref =
        browser.findElement(By.cssSelector("[data-testid=invoice-pdf]")).getAttribute("href");
    HttpResponse<byte[]> pdf = fetch(pdfHref, true);
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
    assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    assertThat(fetch(pdfHref, false).headers().firstValue("Content-Type").orElse(""))
        .doesNotStartWith("application/pdf");
    String publicLink = browser.findElement(By.id("invoice-public-link")).getAttribute("value");
    assertThat(publicLink).endsWith("/api/v1/public/invoices/" + invoice.publicToken() + "/pdf");
    HttpResponse<byte[]> publicPdf = fetch(publicLink, false);
    assertThat(publicPdf.statusCode()).isEqualTo(200);
    assertThat(publicPdf.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/pdf");

    // A draft may be sent, paid or cancelled; paid, it offers no more moves.
    assertThat(
            browser.findElements(By.cssSelector(".status-moves button")).stream()
                .map(b -> b.getAttribute("data-status"))
                .toList())
        .containsExactly("SENT", "PAID", "CANCELLED");
    browser.findElement(By.cssSelector(".status-moves button[data-status=PAID]")).click();
    assertThat(waitFor(By.cssSelector(".flash-success")).getText())
        .isEqualTo("Invoice " + invoice.number() + " updated.");
    assertThat(browser.findElement(By.cssSelector("[data-testid=invoice-status]")).getText())
        .isEqualTo("Paid");
    assertThat(browser.findElements(By.cssSelector(".status-moves button"))).isEmpty();
    assertThat(invoices.get(invoice.id()).status()).isEqualTo(InvoiceStatus.PAID);
    open("/invoices?status=PAID");
    assertThat(waitFor(By.cssSelector("a[data-invoice-id='" + invoice.id() + "']")).isDisplayed())
        .isTrue();
    // Chromium may ask for /favicon.ico by itself (the pages declare favicon.svg): not a page
    // error.
    assertThat(consoleErrors()).filteredOn(e -> !e.contains("favicon.ico")).isEmpty();
  }

  @Test
  void anOverdueInvoiceIsMarkedAndAStaleStatusChangeIsRefusedInTheServicesWords() {
    DealView deal = dealWithRows("Late payer " + UUID.randomUUID().toString().substring(0, 8));
    InvoiceView invoice = invoices.createFromDeal(deal.id());
    invoices.changeStatus(invoice.id(), InvoiceStatus.SENT, invoice.version());
    invoices.markOverdue(invoice.dueDate().plusDays(1));

    open("/invoices?status=OVERDUE");
    WebElement row = waitFor(By.xpath("//a[@data-invoice-id='" + invoice.id() + "']/ancestor::tr"));
    assertThat(row.findElement(By.cssSelector(".badge-danger")).getText()).isEqualTo("overdue");

    open("/invoices/" + invoice.id());
    // Someone else cancels it while the card is open: "paid" is refused with the service's words.
    InvoiceView now = invoices.get(invoice.id());
    invoices.changeStatus(invoice.id(), InvoiceStatus.CANCELLED, now.version());
    browser.findElement(By.cssSelector(".status-moves button[data-status=PAID]")).click();
    assertThat(waitFor(By.cssSelector(".flash-error")).getText())
        .startsWith("The invoice was not changed: ");
    assertThat(invoices.get(invoice.id()).status()).isEqualTo(InvoiceStatus.CANCELLED);
  }

  @Test
  void aQuoteFromTheDealMovesThroughTheStatusesItsCardOffers() {
    DealView deal = dealWithRows("Quote me " + UUID.randomUUID().toString().substring(0, 8));
    open("/deals/" + deal.id());
    browser.findElement(By.xpath("//button[text()='Create quote']")).click();
    waitFor(By.cssSelector(".flash-success"));
    QuoteView quote =
        quotes
            .list(new QuoteFilter(null, deal.id(), null, null), new ListRequest("-id", 5, null))
            .items()
            .get(0);
    browser.findElement(By.linkText(quote.number())).click();
    assertThat(waitFor(By.cssSelector("[data-testid=quote-status]")).getText()).isEqualTo("Draft");
    assertThat(browser.findElement(By.cssSelector("[data-testid=total-gross]")).getText())
        .isEqualTo("271.40 EUR");
    browser.findElement(By.cssSelector(".status-moves button[data-status=SENT]")).click();
    waitFor(By.cssSelector(".flash-success"));
    assertThat(
            browser.findElements(By.cssSelector(".status-moves button")).stream()
                .map(b -> b.getAttribute("data-status"))
                .toList())
        .containsExactly("ACCEPTED", "DECLINED", "CANCELLED");
    browser.findElement(By.cssSelector(".status-moves button[data-status=ACCEPTED]")).click();
    waitFor(By.cssSelector(".flash-success"));
    assertThat(browser.findElement(By.cssSelector("[data-testid=quote-status]")).getText())
        .isEqualTo("Accepted");

    open("/quotes?status=ACCEPTED");
    assertThat(
            browser.findElement(By.cssSelector("a[data-quote-id='" + quote.id() + "']")).getText())
        .isEqualTo(quote.number());
  }
}
