package org.flowcrm.ui.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import java.math.BigDecimal;
import java.util.Random;
import org.flowcrm.crm.currency.CurrencyService;
import org.flowcrm.ui.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Currencies and the mail catcher in the browser: a bad rate is refused at the field, a rate typed
 * with a decimal comma is stored, a changed rate appears in the history; a caught HTML mail is
 * listed with its subject escaped and opened in a sandboxed frame where its script does not run.
 */
class AdminCurrenciesIT extends BrowserTest {

  @Autowired CurrencyService currencies;
  @Autowired GreenMail mailCatcher;

  /** A code no currency has yet (three letters starting with Q: no real ISO code is needed). */
  private String newCode() {
    Random random = new Random();
    while (true) {
      String code = "Q" + (char) ('A' + random.nextInt(26)) + (char) ('A' + random.nextInt(26));
      if (currencies.list().stream().noneMatch(c -> c.code().equals(code))) {
        return code;
      }
    }
  }

  @Test
  void addsACurrencyAndChangesItsRate() {
    String code = newCode();
    open("/admin/currencies");
    String base = currencies.baseCode();
    assertThat(browser.findElement(By.cssSelector("[data-testid=base-currency]")).getText())
        .contains(base);

    browser.findElement(By.id("f-code")).sendKeys(code);
    browser.findElement(By.id("f-name")).sendKeys("Test <i>crown</i>");
    browser.findElement(By.id("f-rate")).sendKeys("abc");
    browser.findElement(By.cssSelector("[data-testid=currency-form] button")).click();
    waitFor(By.cssSelector(".form-errors"));
    assertThat(browser.findElement(By.id("f-rate")).getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(browser.findElement(By.id("f-rate-error")).getText())
        .isEqualTo("Enter a number greater than zero, e.g. 4.30.");

    WebElement rate = browser.findElement(By.id("f-rate"));
    rate.clear();
    rate.sendKeys("4,25");
    browser.findElement(By.cssSelector("[data-testid=currency-form] button")).click();
    waitFor(By.cssSelector(".flash-success"));
    assertThat(currencies.get(code).rate()).isEqualByComparingTo(new BigDecimal("4.25"));
    assertThat(browser.findElement(By.cssSelector("[data-testid=rate-" + code + "]")).getText())
        .isEqualTo("4.25");
    assertThat(browser.findElement(By.xpath("//tr[td/a[text()='" + code + "']]")).getText())
        .contains("Test <i>crown</i>");

    browser.findElement(By.linkText(code)).click();
    rate = waitFor(By.id("f-rate"));
    rate.clear();
    rate.sendKeys("4.5");
    browser.findElement(By.cssSelector("[data-testid=currency-form] button")).click();
    waitFor(By.cssSelector(".flash-success"));
    assertThat(currencies.get(code).rate()).isEqualByComparingTo(new BigDecimal("4.5"));
    assertThat(currencies.history(code)).hasSize(2);

    open("/admin/currencies/" + code);
    assertThat(browser.findElements(By.cssSelector(".data-table tbody tr"))).hasSize(2);
  }

  @Test
  void theMailCatcherShowsACaughtMailEscapedAndSandboxed() throws Exception {
    String subject = "Offer <i>" + System.nanoTime() + "</i>";
    GreenMailUtil.sendMessageBody(
        "buyer@example.com",
        "crm@example.com",
        subject,
        "<p>Hello <b id=\"greeting\">there</b></p>"
            + "<script>parent.document.title = 'taken over'</script>",
        "text/html; charset=utf-8",
        mailCatcher.getSmtp().getServerSetup());

    open("/admin");
    browser.findElement(By.linkText("Mail catcher")).click();
    WebElement link = waitFor(By.linkText(subject));
    assertThat(browser.findElement(By.xpath("//tr[td/a[text()='" + subject + "']]")).getText())
        .contains("buyer@example.com");
    link.click();

    waitFor(By.cssSelector("[data-testid=mail-html]"));
    assertThat(browser.findElement(By.cssSelector("[data-testid=mail-subject]")).getText())
        .isEqualTo(subject);
    WebElement frame = browser.findElement(By.cssSelector("[data-testid=mail-html]"));
    assertThat(frame.getAttribute("sandbox")).isEmpty();
    String pageTitle = browser.getTitle();
    browser.switchTo().frame(frame);
    assertThat(waitFor(By.id("greeting")).getText()).isEqualTo("there");
    browser.switchTo().defaultContent();
    assertThat(browser.getTitle()).isEqualTo(pageTitle);
  }
}
