package org.flowcrm.ui.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.flowcrm.crm.permission.Action;
import org.flowcrm.crm.permission.EntityType;
import org.flowcrm.crm.permission.Permission;
import org.flowcrm.crm.permission.RoleCommand;
import org.flowcrm.crm.permission.RoleService;
import org.flowcrm.crm.permission.Scope;
import org.flowcrm.crm.security.CrmUserPrincipal;
import org.flowcrm.crm.security.PasswordService;
import org.flowcrm.crm.user.UserCommand;
import org.flowcrm.crm.user.UserService;
import org.flowcrm.crm.user.UserView;
import org.flowcrm.ui.BrowserTest;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * What the record form and card tests share: fresh names, users with a given role signed in through
 * the login page, typing into a form and reading its success message, and a card's field edited in
 * place (its Edit link, its input, its shown value).
 */
public abstract class FormFixtures extends BrowserTest {

  public static final String PASSWORD = "fixture-password";

  @Autowired protected UserService users;
  @Autowired protected RoleService roles;
  @Autowired protected PasswordService passwords;

  /** A letter and eight letters or digits, lower case: a search word, a custom field code part. */
  public static String word() {
    return "q" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  }

  /** A new user with the default manager role (own records only). */
  protected UserView manager(String name) {
    return user(name, "MANAGER");
  }

  /** A new user who may read every record and change none. */
  protected UserView reader(String name) {
    String code = "READER_" + word().toUpperCase();
    roles.create(new RoleCommand(code, "Reads everything"));
    roles.updateMatrix(
        code,
        Arrays.stream(EntityType.values())
            .map(entity -> new Permission(entity, Action.READ, Scope.ALL))
            .toList());
    return user(name, code);
  }

  private UserView user(String name, String role) {
    UserView user = users.create(new UserCommand("u" + word(), name, null, true));
    roles.assignRoles(user.id(), List.of(role));
    CrmUserPrincipal admin =
        (CrmUserPrincipal) SecurityContextHolder.getContext().getAuthentication().getPrincipal();
    passwords.setPassword(admin, user.id(), PASSWORD);
    return user;
  }

  /** The browser signs out and in again as {@code user}. */
  protected void signInAs(UserView user) {
    browser.manage().deleteAllCookies();
    signIn(user.login(), PASSWORD);
    waitFor(By.cssSelector(".user-menu"));
  }

  /** The success message; when there is none, what the page says instead (the refusal). */
  protected String flash() {
    try {
      return waitFor(By.cssSelector(".flash-success")).getText();
    } catch (TimeoutException none) {
      throw new AssertionError(
          "no success message; the page says: " + browser.findElement(By.tagName("main")).getText(),
          none);
    }
  }

  protected void type(String id, String text) {
    WebElement input = browser.findElement(By.id(id));
    input.clear();
    input.sendKeys(text);
  }

  /**
   * Posts {@code body} to {@code path} from the page as htmx would (with the CSRF token the layout
   * puts in its meta tags) and returns the response's status.
   */
  protected long postFromPage(String path, String body) {
    Object status =
        browser.executeAsyncScript(
            "var headers = {'HX-Request': 'true',"
                + " 'Content-Type': 'application/x-www-form-urlencoded'};"
                + "headers[document.querySelector('meta[name=_csrf_header]').content] ="
                + " document.querySelector('meta[name=_csrf]').content;"
                + "var done = arguments[arguments.length - 1];"
                + "fetch(arguments[0], {method: 'POST', headers: headers, body: arguments[1]})"
                + ".then(function (r) { done(r.status); });",
            path,
            body);
    return ((Number) status).longValue();
  }

  protected void save() {
    browser.findElement(By.id("form-save")).click();
  }

  /** Clicks the card field's Edit link and returns its in-place input once it is there. */
  protected WebElement editInPlace(String field) {
    browser.findElement(By.cssSelector("a[data-edit=" + field + "]")).click();
    return waitFor(By.cssSelector("dd #edit-" + field));
  }

  /**
   * Opens the card's field in place, lets {@code meanwhile} save the record, then saves {@code
   * typed}: refused at the field, as changed by someone else.
   */
  protected void anEditOverANewerChangeIsRefused(
      String card, String field, String typed, Runnable meanwhile) {
    open(card);
    WebElement input = editInPlace(field);
    meanwhile.run();
    input.clear();
    input.sendKeys(typed + Keys.ENTER);
    assertThat(waitFor(By.id("edit-" + field + "-error")).getText())
        .contains("Changed by someone else");
  }

  /**
   * Signed in as a user who may read everything and change nothing: the card shows the field's
   * value with no edit controls, and a save of the field posted anyway is refused (403).
   */
  protected void aReaderGetsNoEditControls(String card, String field, String value, long version) {
    signInAs(reader("Reader " + word()));
    open(card);
    assertThat(shown(field)).isEqualTo(value);
    assertThat(browser.findElements(By.cssSelector("a[data-edit]"))).isEmpty();
    assertThat(browser.findElements(By.cssSelector("[data-testid=edit-action]"))).isEmpty();
    assertThat(postFromPage(card + "/fields/" + field, "value=Changed&version=" + version))
        .isEqualTo(403);
  }

  /**
   * Without script a card field's "Edit" is a link to the record's edit page, and a plain request
   * for the field's form is sent there (where the input {@code formInputId} is).
   */
  protected void withoutScriptTheFieldLeadsToTheEditPage(
      String card, String field, String formInputId) {
    open(card);
    assertThat(
            browser.findElement(By.cssSelector("a[data-edit=" + field + "]")).getAttribute("href"))
        .endsWith(card + "/edit");
    open(card + "/fields/" + field);
    waitFor(By.id(formInputId));
    assertThat(browser.getCurrentUrl()).endsWith(card + "/edit");
  }

  /** What the card shows as the field's value. */
  protected String shown(String field) {
    return browser
        .findElement(By.cssSelector("dd[data-field=" + field + "] [data-value=" + field + "]"))
        .getText();
  }

  /** Waits until the card shows {@code text} as the field's value (after a save or cancel). */
  protected void waitUntilShown(String field, String text) {
    waitUpTo(Duration.ofSeconds(20))
        .until(
            ExpectedConditions.textToBe(
                By.cssSelector("dd[data-field=" + field + "] [data-value=" + field + "]"), text));
  }
}
