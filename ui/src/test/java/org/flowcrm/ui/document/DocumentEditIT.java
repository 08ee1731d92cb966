package org.flowcrm.ui.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.flowcrm.crm.contact.ContactCommand;
import org.flowcrm.crm.contact.ContactService;
import org.flowcrm.crm.invoice.InvoiceCommand;
import org.flowcrm.crm.invoice.InvoiceService;
import org.flowcrm.crm.invoice.InvoiceStatus;
import org.flowcrm.crm.invoice.InvoiceView;
import org.flowcrm.crm.invoice.PaymentMethod;
import org.flowcrm.crm.product.ProductCommand;
import org.flowcrm.crm.product.ProductService;
import org.flowcrm.crm.quote.QuoteFilter;
import org.flowcrm.crm.quote.QuoteService;
import org.flowcrm.crm.quote.QuoteView;
import org.flowcrm.crm.shared.Email;
import org.flowcrm.crm.shared.EmailType;
import org.flowcrm.crm.shared.ForbiddenException;
import org.flowcrm.crm.shared.ListRequest;
import org.flowcrm.crm.shared.NotFoundException;
import org.flowcrm.crm.shared.ProductRow;
import org.flowcrm.crm.user.UserView;
import org.flowcrm.ui.UiMailCatcher;
import org.flowcrm.ui.record.FormFixtures;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Quotes and invoices edited in a real browser: a quote created by hand from the list with rows
 * found by the first letters of a product, totals shown while typing and equal to what the server
 * stored; an invoice's edit page with refusals at their fields and a stale edit refused with
 * nothing written; a manager gets no form for a colleague's invoice and the service refuses him
 * too; "Send by e-mail" delivers the PDF to the payer and the card's timeline shows the mail.
 */
class DocumentEditIT extends FormFixtures {

  @Autowired ProductService products;
  @Autowired QuoteService quotes;
  @Autowired InvoiceService invoices;
  @Autowired ContactService contacts;
  @Autowired UserDetailsService userDetails;

  private void type(By field, String text) {
    WebElement input = browser.findElement(field);
    input.clear();
    input.sendKeys(text);
  }

  private String sum() {
    return browser.findElement(By.id("rows-sum")).getText();
  }

  private InvoiceView invoice(String title, Long contactId, Long responsibleId) {
    return invoices.create(
        new InvoiceCommand(
            title,
            contactId,
            null,
            "EUR",
            LocalDate.now(),
            LocalDate.now().plusDays(14),
            PaymentMethod.BANK_TRANSFER,
            null,
            responsibleId,
            null,
            List.of(
                new ProductRow(
                    null,
                    "Consulting day",
                    new BigDecimal("2"),
                    new BigDecimal("500"),
                    BigDecimal.ZERO,
                    new BigDecimal("23")))));
  }

  @Test
  void aQuoteIsCreatedByHandWithRowsFoundByFirstLettersAndTotalledBeforeSaving() {
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
            null,
            null));

    open("/quotes");
    waitFor(By.cssSelector("[data-testid=new-document]")).click();
    waitFor(By.cssSelector("[data-testid=document-form]"));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("New quote");
    type(By.id("f-title"), "Airship tour " + word);
    new Select(browser.findElement(By.id("f-currency"))).selectByValue("EUR");

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
    assertThat(browser.findElement(By.name("rows[0].price")).getAttribute("value"))
        .isEqualTo("100.00");
    assertThat(
            new BigDecimal(
                browser.findElement(By.name("rows[0].taxPercent")).getAttribute("value")))
        .isEqualByComparingTo("23");
    type(By.name("rows[0].quantity"), "2");
    type(By.name("rows[0].discountPercent"), "10");
    // 2 × 100 − 10 % = 180, + 23 % tax = 221.40, before anything is saved
    assertThat(sum()).isEqualTo("221.40 EUR");

    // Typing into the last line opened a new one; a service without catalog entry goes there.
    browser.findElement(By.id("row-1-name")).sendKeys("Hangar rent");
    type(By.name("rows[1].price"), "50");
    assertThat(sum()).isEqualTo("271.40 EUR");
    assertThat(browser.findElements(By.cssSelector(".product-row"))).hasSize(3);

    browser.findElement(By.id("form-save")).click();
    assertThat(flash()).matches("Q-\\d+ created\\.");
    QuoteView quote =
        quotes
            .list(new QuoteFilter(null, null, null, null), new ListRequest("-id", 1, null))
            .items()
            .get(0);
    assertThat(quote.title()).isEqualTo("Airship tour " + word);
    // The server's totals are the ones shown while typing.
    assertThat(quote.amount()).isEqualByComparingTo("271.40");
    assertThat(browser.findElement(By.cssSelector("[data-testid=total-gross]")).getText())
        .isEqualTo("271.40 EUR");
    assertThat(browser.findElement(By.cssSelector("[data-testid=total-tax]")).getText())
        .isEqualTo("41.40 EUR");
    assertThat(quote.rows()).hasSize(2);
    assertThat(quote.rows().get(0).productId()).isNotNull();
    assertThat(quote.rows().get(1).productId()).isNull();
    assertThat(quote.responsibleId()).isNotNull();
    assertThat(consoleErrors()).filteredOn(e -> !e.contains("favicon.ico")).isEmpty();
  }

  @Test
  void anInvoiceIsEditedWithRefusalsAtTheFieldAndAStaleEditWritesNothing() {
    String word = word();
    InvoiceView invoice = invoice("Consulting " + word, null, null);

    open("/invoices/" + invoice.id());
    waitFor(By.cssSelector("[data-testid=edit-action]")).click();
    waitFor(By.cssSelector("[data-testid=document-form]"));
    assertThat(browser.findElement(By.name("rows[0].name")).getAttribute("value"))
        .isEqualTo("Consulting day");
    assertThat(browser.findElement(By.name("rows[0].quantity")).getAttribute("value"))
        .isEqualTo("2");
    assertThat(sum()).isEqualTo("1,230.00 EUR");

    // Two mistakes at once: each stands at its own field, and nothing is written.
    browser.findElement(By.id("f-title")).clear();
    type(By.name("rows[0].quantity"), "-1");
    browser.findElement(By.id("form-save")).click();
    WebElement titleError = waitFor(By.id("f-title-error"));
    assertThat(titleError.getText()).isNotBlank();
    assertThat(browser.findElement(By.id("f-title")).getAttribute("aria-invalid"))
        .isEqualTo("true");
    assertThat(browser.findElement(By.id("row-0-quantity-error")).getText()).contains("0");
    assertThat(browser.findElement(By.id("row-0-quantity")).getAttribute("aria-invalid"))
        .isEqualTo("true");
    assertThat(browser.findElement(By.name("rows[0].quantity")).getAttribute("value"))
        .isEqualTo("-1");
    assertThat(invoices.get(invoice.id()).title()).isEqualTo("Consulting " + word);

    // Someone else saves the invoice while the form is open: this save is refused as a whole.
    type(By.id("f-title"), "Mine " + word);
    type(By.name("rows[0].quantity"), "3");
    InvoiceView current = invoices.get(invoice.id());
    invoices.update(
        invoice.id(),
        new InvoiceCommand(
            "Theirs " + word,
            null,
            null,
            "EUR",
            current.issueDate(),
            current.dueDate(),
            PaymentMethod.BANK_TRANSFER,
            null,
            current.responsibleId(),
            null,
            List.of(
                new ProductRow(
                    null,
                    "Consulting day",
                    BigDecimal.ONE,
                    new BigDecimal("500"),
                    BigDecimal.ZERO,
                    new BigDecimal("23")))),
        current.version());
    browser.findElement(By.id("form-save")).click();
    assertThat(waitFor(By.cssSelector(".form-errors")).getText())
        .contains("Someone else changed this record");
    InvoiceView theirs = invoices.get(invoice.id());
    assertThat(theirs.title()).isEqualTo("Theirs " + word);
    assertThat(theirs.amount()).isEqualByComparingTo("615.00");

    // Reloaded, the edit goes through: payment details and due date as typed, totals recomputed.
    open("/invoices/" + invoice.id() + "/edit");
    type(By.id("f-title"), "Mine " + word);
    type(By.name("rows[0].quantity"), "3");
    new Select(browser.findElement(By.id("f-paymentMethod"))).selectByValue("CARD");
    type(By.id("f-paymentDetails"), "IBAN PL61 1090 1014 0000 0712 1981 2874");
    assertThat(sum()).isEqualTo("1,845.00 EUR");
    browser.findElement(By.id("form-save")).click();
    assertThat(flash()).isEqualTo(invoice.number() + " saved.");
    assertThat(browser.findElement(By.cssSelector("[data-testid=total-gross]")).getText())
        .isEqualTo("1,845.00 EUR");
    assertThat(
            browser.findElement(By.cssSelector("[data-testid=invoice-payment-details]")).getText())
        .isEqualTo("IBAN PL61 1090 1014 0000 0712 1981 2874");
    InvoiceView saved = invoices.get(invoice.id());
    assertThat(saved.title()).isEqualTo("Mine " + word);
    assertThat(saved.paymentMethod()).isEqualTo(PaymentMethod.CARD);
    assertThat(saved.amount()).isEqualByComparingTo("1845.00");

    // Once sent, the invoice is no longer a draft: no edit action, and the page refuses.
    invoices.changeStatus(invoice.id(), InvoiceStatus.SENT, saved.version());
    open("/invoices/" + invoice.id());
    assertThat(waitFor(By.cssSelector("[data-testid=invoice-status]")).getText()).isEqualTo("Sent");
    assertThat(browser.findElements(By.cssSelector("[data-testid=edit-action]"))).isEmpty();
    open("/invoices/" + invoice.id() + "/edit");
    assertThat(waitFor(By.cssSelector(".flash-error")).getText())
        .isEqualTo(invoice.number() + " is no longer a draft: only a draft can be edited.");
  }

  @Test
  void aManagerCannotEditAColleaguesInvoice() {
    String u = word();
    UserView manager = manager("Manager " + u);
    UserView colleague = manager("Colleague " + u);
    InvoiceView theirs = invoice("Theirs " + u, null, colleague.id());

    signInAs(manager);
    open("/invoices/" + theirs.id() + "/edit");
    assertThat(browser.findElement(By.tagName("h1")).getText()).containsAnyOf("403", "404");
    assertThat(browser.findElements(By.cssSelector("[data-testid=document-form]"))).isEmpty();
    // He may write invoices of his own: the list offers "New invoice".
    open("/invoices");
    assertThat(browser.findElements(By.cssSelector("[data-testid=new-document]"))).hasSize(1);

    // The service refuses him as well, whatever a page would post.
    UserDetails him = userDetails.loadUserByUsername(manager.login());
    SecurityContextHolder.getContext()
        .setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(him, null, him.getAuthorities()));
    assertThatThrownBy(
            () ->
                invoices.update(
                    theirs.id(),
                    new InvoiceCommand(
                        "Taken over",
                        null,
                        null,
                        "EUR",
                        null,
                        null,
                        null,
                        null,
                        manager.id(),
                        null,
                        List.of()),
                    theirs.version()))
        .isInstanceOfAny(NotFoundException.class, ForbiddenException.class);
    fixturesAsAdministratorAgain();
    assertThat(invoices.get(theirs.id()).title()).isEqualTo("Theirs " + u);
  }

  private void fixturesAsAdministratorAgain() {
    UserDetails admin = userDetails.loadUserByUsername(org.flowcrm.ui.SignedInHttp.ADMIN);
    SecurityContextHolder.getContext()
        .setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities()));
  }

  @Test
  void sendByEmailDeliversThePdfToThePayerAndTheTimelineShowsTheMail() throws Exception {
    String word = word();
    String address = "payer-" + word + "@example.com";
    long payer =
        contacts
            .create(
                new ContactCommand(
                    "Pat",
                    "Payer " + word,
                    null,
                    null,
                    null,
                    List.of(),
                    List.of(new Email(EmailType.WORK, address)),
                    List.of(),
                    null,
                    null))
            .id();
    InvoiceView invoice = invoice("Consulting " + word, payer, null);

    open("/invoices/" + invoice.id());
    assertThat(waitFor(By.cssSelector("[data-testid=timeline]")).getText())
        .isEqualTo("Nothing has happened yet.");
    browser.findElement(By.cssSelector("[data-testid=send-mail]")).click();
    assertThat(flash()).isEqualTo("The invoice was sent with its PDF.");

    List<MimeMessage> received = UiMailCatcher.to(address);
    Instant until = Instant.now().plusSeconds(20);
    while (received.isEmpty() && Instant.now().isBefore(until)) {
      Thread.sleep(200);
      received = UiMailCatcher.to(address);
    }
    assertThat(received).hasSize(1);
    MimeMessage mail = received.get(0);
    Part pdf = attachment(mail, invoice.number() + ".pdf");
    assertThat(pdf).as("the invoice's PDF attached").isNotNull();
    assertThat(pdf.getContentType()).startsWith("application/pdf");
    try (InputStream in = pdf.getInputStream()) {
      assertThat(new String(in.readNBytes(5), StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    // The card shows the mail on its timeline, and the draft became sent with it.
    String timeline = browser.findElement(By.cssSelector("[data-testid=timeline]")).getText();
    assertThat(timeline).contains("E-mail").contains(mail.getSubject());
    assertThat(browser.findElement(By.cssSelector("[data-testid=invoice-status]")).getText())
        .isEqualTo("Sent");
    assertThat(invoices.get(invoice.id()).status()).isEqualTo(InvoiceStatus.SENT);
  }

  private static Part attachment(Part part, String fileName) throws Exception {
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart body = multipart.getBodyPart(i);
        Part found = attachment(body, fileName);
        if (found != null) {
          return found;
        }
      }
      return null;
    }
    return fileName.equals(part.getFileName()) ? part : null;
  }
}
