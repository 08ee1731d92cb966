package org.flowcrm.ui.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.flowcrm.crm.permission.Action;
import org.flowcrm.crm.permission.EntityType;
import org.flowcrm.crm.permission.Permission;
import org.flowcrm.crm.permission.RoleCommand;
import org.flowcrm.crm.permission.RoleService;
import org.flowcrm.crm.permission.Scope;
import org.flowcrm.crm.product.ProductCommand;
import org.flowcrm.crm.product.ProductFilter;
import org.flowcrm.crm.product.ProductService;
import org.flowcrm.crm.product.ProductView;
import org.flowcrm.crm.product.SectionCommand;
import org.flowcrm.crm.product.SectionView;
import org.flowcrm.crm.security.CrmUserPrincipal;
import org.flowcrm.crm.security.PasswordService;
import org.flowcrm.crm.shared.ListRequest;
import org.flowcrm.crm.user.UserCommand;
import org.flowcrm.crm.user.UserService;
import org.flowcrm.crm.user.UserView;
import org.flowcrm.ui.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The product catalog in a real browser: sections nested through the page's own form, a product
 * created in the inner section and shown with its section path, found by the first letters of its
 * name and through the tree, and an edit whose price is refused at the field (our message for text
 * that is no number, the service's for a negative price) while nothing is saved. Sections renamed,
 * moved and deleted from the tree (a non-empty one refused with the service's reason), products
 * deleted from their card (a stale one refused with a message), and none of it offered to a user
 * who may only read the catalog.
 */
class ProductsIT extends BrowserTest {

  @Autowired ProductService products;
  @Autowired RoleService roles;
  @Autowired UserService users;
  @Autowired PasswordService passwords;

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

  private ProductView productIn(String name, long sectionId) {
    return products.create(
        new ProductCommand(
            name, null, null, true, new BigDecimal("19.90"), null, "pcs", null, sectionId));
  }

  private long sectionId(String name) {
    return ProductPagesController.flatten(products.sectionTree()).stream()
        .filter(s -> s.name().equals(name))
        .findFirst()
        .orElseThrow()
        .id();
  }

  /** Opens the section in the tree and sends its delete form, confirming the question. */
  private void deleteSection(String name) {
    open("/products?section=" + sectionId(name));
    waitFor(By.cssSelector("[data-testid=section-edit] summary")).click();
    waitFor(By.cssSelector("[data-testid=section-delete]")).click();
    assertThat(browser.switchTo().alert().getText()).contains(name);
    browser.switchTo().alert().accept();
  }

  private List<String> treeNames() {
    return browser.findElements(By.cssSelector("nav.section-tree a[data-section-id]")).stream()
        .map(WebElement::getText)
        .toList();
  }

  @Test
  void sectionsAreRenamedMovedAndDeletedWhenEmptyAndProductsAreDeletedFromTheirCard() {
    String tools = "Tools " + word();
    String garden = "Garden " + word();
    String saws = "Saws " + word();
    String renamed = "Hand saws " + word();
    createSection(tools, null);
    createSection(garden, null);
    createSection(saws, tools);

    // Rename the chosen section and move it under another; it cannot be its own parent.
    browser.findElement(By.cssSelector("[data-testid=section-edit] summary")).click();
    WebElement name = waitFor(By.id("section-edit-name"));
    assertThat(name.getAttribute("value")).isEqualTo(saws);
    Select parent = new Select(browser.findElement(By.id("section-edit-parent")));
    assertThat(parent.getFirstSelectedOption().getText()).isEqualTo(tools);
    assertThat(parent.getOptions().stream().map(WebElement::getText))
        .contains(garden)
        .doesNotContain(tools + " / " + saws);
    parent.selectByVisibleText(garden);
    name.clear();
    name.sendKeys(renamed);
    browser.findElement(By.cssSelector("[data-testid=section-save]")).click();
    assertThat(waitFor(By.cssSelector(".flash-success")).getText())
        .isEqualTo("Section " + renamed + " saved.");
    assertThat(browser.findElement(By.cssSelector("[data-testid=section-path]")).getText())
        .isEqualTo("Section: " + garden + " / " + renamed);
    WebElement gardenItem =
        browser.findElement(
            By.xpath("//nav[contains(@class,'section-tree')]//li[a[text()='" + garden + "']]"));
    assertThat(gardenItem.findElement(By.xpath("./ul/li/a")).getText()).isEqualTo(renamed);
    assertThat(treeNames()).doesNotContain(saws);
    SectionView moved =
        products.sectionTree().stream()
            .flatMap(s -> s.children().stream())
            .filter(s -> s.name().equals(renamed))
            .findFirst()
            .orElseThrow();
    assertThat(moved.parentId()).isEqualTo(sectionId(garden));

    // Not empty: the refusal says why, and the sections stay.
    ProductView saw = productIn("Saw" + word(), moved.id());
    deleteSection(garden);
    assertThat(waitFor(By.cssSelector(".flash-error")).getText())
        .startsWith("The section was not deleted:")
        .contains("still has sub-sections or products");
    deleteSection(renamed);
    assertThat(waitFor(By.cssSelector(".flash-error")).getText())
        .contains("still has sub-sections or products");
    assertThat(treeNames()).contains(garden, renamed);

    // A product changed by someone else since the card was opened is not deleted.
    open("/products/" + saw.id());
    waitFor(By.id("f-name"));
    products.update(
        saw.id(),
        new ProductCommand(
            saw.name(), null, null, true, new BigDecimal("21.00"), null, "pcs", null, moved.id()),
        saw.version());
    browser.findElement(By.cssSelector("[data-testid=product-delete] button.danger")).click();
    assertThat(browser.switchTo().alert().getText()).contains(saw.name());
    browser.switchTo().alert().accept();
    assertThat(waitFor(By.cssSelector(".flash-error")).getText())
        .startsWith("The product was not deleted:")
        .contains("changed by someone else");
    assertThat(products.find(saw.id())).isPresent();

    // From the fresh card it is deleted, and leaves the list.
    browser.findElement(By.cssSelector("[data-testid=product-delete] button.danger")).click();
    browser.switchTo().alert().accept();
    assertThat(waitFor(By.cssSelector(".flash-success")).getText())
        .isEqualTo("Product " + saw.name() + " deleted.");
    assertThat(products.find(saw.id())).isEmpty();
    open("/products?q=" + saw.name());
    assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain(saw.name());

    // Now empty, the inner section goes, then its parent.
    deleteSection(renamed);
    assertThat(waitFor(By.cssSelector(".flash-success")).getText())
        .isEqualTo("Section " + renamed + " deleted.");
    deleteSection(garden);
    assertThat(waitFor(By.cssSelector(".flash-success")).getText())
        .isEqualTo("Section " + garden + " deleted.");
    assertThat(treeNames()).contains(tools).doesNotContain(garden, renamed);
    assertThat(consoleErrors()).isEmpty();
  }

  @Test
  void aCatalogReaderIsOfferedNoChangesAndAForgedDeleteIsRefused() {
    String code = "CATALOG_READER_" + word().toUpperCase();
    roles.create(new RoleCommand(code, "Reads the catalog"));
    roles.updateMatrix(code, List.of(new Permission(EntityType.PRODUCT, Action.READ, Scope.ALL)));
    String login = "catalog" + word();
    UserView reader = users.create(new UserCommand(login, "Catalog Reader", null, true));
    roles.assignRoles(reader.id(), List.of(code));
    CrmUserPrincipal admin =
        (CrmUserPrincipal) SecurityContextHolder.getContext().getAuthentication().getPrincipal();
    passwords.setPassword(admin, reader.id(), "catalog-password");
    String section = "Shelves " + word();
    SectionView shelves = products.createSection(new SectionCommand(section, null, null));
    ProductView shelf = productIn("Shelf" + word(), shelves.id());

    browser.manage().deleteAllCookies();
    signIn(login, "catalog-password");
    waitFor(By.cssSelector(".user-menu"));
    open("/products?section=" + shelves.id());
    waitFor(By.linkText(shelf.name()));
    assertThat(browser.findElements(By.linkText("New product"))).isEmpty();
    assertThat(browser.findElements(By.cssSelector(".section-new"))).isEmpty();
    assertThat(browser.findElements(By.cssSelector("[data-testid=section-edit]"))).isEmpty();
    open("/products/" + shelf.id());
    waitFor(By.id("f-name"));
    assertThat(browser.findElements(By.cssSelector("[data-testid=product-delete]"))).isEmpty();

    // Typed in anyway, the service refuses; the card says so and the product stays.
    script(
        "const f = document.querySelector('form.record-form');"
            + "f.action = arguments[0]; f.submit();",
        url("/products/" + shelf.id() + "/delete"));
    assertThat(waitFor(By.cssSelector(".flash-error")).getText())
        .startsWith("The product was not deleted:");
    assertThat(products.find(shelf.id())).isPresent();
  }
}
