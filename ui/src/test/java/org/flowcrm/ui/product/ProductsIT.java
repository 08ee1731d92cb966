package org.flowcrm.ui.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.flowcrm.crm.product.ProductFilter;
import org.flowcrm.crm.product.ProductService;
import org.flowcrm.crm.product.ProductView;
import org.flowcrm.crm.shared.ListRequest;
import org.flowcrm.ui.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The product catalog in a real browser: sections nested through the page's own form, a product
 * created in the inner section and shown with its section path, found by the first letters of its
 * name and through the tree, and an edit whose price is refused at the field (our message for text
 * that is no number, the service's for a negative price) while nothing is saved.
 */
class ProductsIT extends BrowserTest {

  @Autowired ProductService products;

  private static String word() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 6);
  }

  private ProductView product(String name) {
    return products
        .list(new ProductFilter(name, null, null, null, null), new ListRequest("name", 5, null))
        .items()
        .stream()
        .filter(p -> p.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private void createSection(String name, String parentPath) {
    open("/products");
    browser.findElement(By.cssSelector(".section-new summary")).click();
    waitFor(By.id("section-name")).sendKeys(name);
    if (parentPath != null) {
      new Select(browser.findElement(By.id("section-parent"))).selectByVisibleText(parentPath);
    }
    browser.findElement(By.cssSelector(".section-new button[type=submit]")).click();
    assertThat(waitFor(By.cssSelector(".flash-success")).getText()).contains(name);
  }

  @Test
  void aProductInANestedSectionIsFoundByItsFirstLettersAndABadPriceIsRefusedAtTheField() {
    String outer = "Hardware " + word();
    String inner = "Printers " + word();
    String name = "Qx" + word() + " <b>Laser</b> printer";
    createSection(outer, null);
    createSection(inner, outer);
    // After creating a section the page shows it as the filter; the tree nests it under its parent.
    assertThat(browser.findElement(By.cssSelector("[data-testid=section-path]")).getText())
        .isEqualTo("Section: " + outer + " / " + inner);
    WebElement outerItem =
        browser.findElement(
            By.xpath("//nav[contains(@class,'section-tree')]//li[a[text()='" + outer + "']]"));
    assertThat(outerItem.findElement(By.xpath("./ul/li/a")).getText()).isEqualTo(inner);

    browser.findElement(By.linkText("New product")).click();
    waitFor(By.id("f-name")).sendKeys(name);
    // The list's section is preselected in the form.
    assertThat(
            new Select(browser.findElement(By.id("f-sectionId")))
                .getFirstSelectedOption()
                .getText())
        .isEqualTo(outer + " / " + inner);
    browser.findElement(By.id("f-description")).sendKeys("Duplex, 40 pages a minute");
    browser.findElement(By.id("f-price")).sendKeys("1249.90");
    new Select(browser.findElement(By.id("f-currency"))).selectByValue("EUR");
    browser.findElement(By.id("f-unit")).sendKeys("pcs");
    browser.findElement(By.id("f-vatRate")).sendKeys("23");
    browser.findElement(By.cssSelector("form.record-form button.primary")).click();
    assertThat(waitFor(By.cssSelector(".flash-success")).getText())
        .isEqualTo("Product " + name + " saved.");
    ProductView saved = product(name);
    assertThat(saved.price()).isEqualByComparingTo("1249.90");
    assertThat(saved.vatRate()).isEqualByComparingTo("23");
    assertThat(saved.unit()).isEqualTo("pcs");
    assertThat(saved.active()).isTrue();

    // Search by the first letters: exactly this product, with its section path, price and VAT.
    open("/products");
    WebElement search = waitFor(By.id("product-q"));
    search.sendKeys(name.substring(0, 6));
    browser.findElement(By.cssSelector("form.filters button[type=submit]")).click();
    WebElement row = waitFor(By.cssSelector(".data-table tbody tr"));
    assertThat(browser.findElements(By.cssSelector(".data-table tbody tr"))).hasSize(1);
    assertThat(row.findElement(By.tagName("a")).getText()).isEqualTo(name); // escaped, not bold
    assertThat(row.findElements(By.tagName("b"))).isEmpty();
    assertThat(row.getText())
        .contains(outer + " / " + inner)
        .contains("1,249.90 EUR")
        .contains("23 %")
        .contains("pcs");
    // Letters from the middle of the name do not match: the search is by first letters.
    open("/products?q=Laser");
    assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain(name);
    // The outer section's filter includes its sub-sections.
    open("/products");
    browser.findElement(By.linkText(outer)).click();
    waitFor(By.linkText(name));

    // Edit: a price that is no number, then a negative one; the field says why, nothing changes.
    browser.findElement(By.linkText(name)).click();
    WebElement price = waitFor(By.id("f-price"));
    price.clear();
    price.sendKeys("12,5x");
    browser.findElement(By.cssSelector("form.record-form button.primary")).click();
    price = waitFor(By.id("f-price"));
    assertThat(price.getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(price.getAttribute("aria-describedby")).isEqualTo("f-price-error");
    assertThat(price.getAttribute("value")).isEqualTo("12,5x");
    assertThat(browser.findElement(By.id("f-price-error")).getText())
        .isEqualTo("Enter a number, e.g. 12.50.");
    assertThat(browser.findElement(By.cssSelector(".form-errors")).getAttribute("role"))
        .isEqualTo("alert");

    price.clear();
    price.sendKeys("-5");
    browser.findElement(By.cssSelector("form.record-form button.primary")).click();
    price = waitFor(By.id("f-price"));
    assertThat(price.getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(browser.findElement(By.id("f-price-error")).getText())
        .isEqualTo("must be greater than or equal to 0");
    assertThat(product(name).price()).isEqualByComparingTo("1249.90");

    // A valid price in Polish notation is saved; turned inactive it drops out of "active" only.
    price.clear();
    price.sendKeys("1199,00");
    WebElement active = browser.findElement(By.id("f-active"));
    active.click();
    browser.findElement(By.cssSelector("form.record-form button.primary")).click();
    waitFor(By.cssSelector(".flash-success"));
    ProductView edited = product(name);
    assertThat(edited.price()).isEqualByComparingTo("1199.00");
    assertThat(edited.active()).isFalse();
    open("/products?active=false&q=" + name.substring(0, 6));
    assertThat(waitFor(By.cssSelector(".data-table tbody tr")).getText())
        .contains("1,199.00 EUR")
        .contains("Inactive");
    open("/products?active=true&q=" + name.substring(0, 6));
    assertThat(browser.findElements(By.cssSelector(".data-table tbody tr"))).isEmpty();
    assertThat(consoleErrors()).isEmpty();
  }

  @Test
  void theCatalogFitsAPhoneInPolish() {
    browser.manage().window().setSize(PHONE);
    open("/products?lang=pl");
    assertThat(waitFor(By.tagName("h1")).getText()).isEqualTo("Produkty");
    Object overflow =
        script(
            "return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
    assertThat(overflow).isEqualTo(false);
    open("/products/new?lang=pl");
    assertThat(waitFor(By.cssSelector("label[for=f-price]")).getText()).startsWith("Cena");
    overflow =
        script(
            "return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
    assertThat(overflow).isEqualTo(false);
  }
}
