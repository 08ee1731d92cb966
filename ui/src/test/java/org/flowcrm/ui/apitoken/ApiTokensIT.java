package org.flowcrm.ui.apitoken;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.flowcrm.crm.apitoken.ApiTokenCommand;
import org.flowcrm.crm.apitoken.ApiTokenService;
import org.flowcrm.crm.apitoken.ApiTokenView;
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
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The API tokens page in a real browser: a token created with a name and an expiry day is shown
 * once (with its warning and Copy button), works as {@code Authorization: Bearer} against the REST
 * API over plain HTTP (and the list then says when it was last used), is gone from the page after a
 * reload, and after "Revoke" (confirmed) is answered 401. Refusals stand at their field. A user
 * without administration sees only his own tokens; the administrator sees and revokes his too.
 */
class ApiTokensIT extends BrowserTest {

  @Autowired ApiTokenService tokens;
  @Autowired RoleService roles;
  @Autowired UserService users;
  @Autowired PasswordService passwords;

  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> me(String bearer) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url("/api/v1/me")))
            .header("Authorization", "Bearer " + bearer)
            .header("Accept", "application/json")
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private void setDate(String fieldId, LocalDate day) {
    // The date input's typing format follows the browser's locale; its value is always ISO.
    script(
        "arguments[0].value = arguments[1];", browser.findElement(By.id(fieldId)), day.toString());
  }

  private WebElement row(String testId, String tokenName) {
    return browser.findElement(
        By.xpath(
            "//div[@data-testid='"
                + testId
                + "']//tbody/tr[td[normalize-space(.)='"
                + tokenName
                + "']]"));
  }

  @Test
  void aTokenIsShownOnceWorksAsBearerAndIsRefusedOnceRevoked() throws Exception {
    String name = "ERP sync " + UUID.randomUUID().toString().substring(0, 6) + " <b>bold</b>";
    open("/");
    // The signed-in name in the header leads to the page.
    waitFor(By.cssSelector(".user-menu a.user-name")).click();
    assertThat(waitFor(By.tagName("h1")).getText()).isEqualTo("API tokens");

    // Nothing typed: our message at the name field, nothing created.
    int before = tokens.mine().size();
    browser.findElement(By.cssSelector("[data-testid=token-form] button.primary")).click();
    WebElement nameField = waitFor(By.id("f-name"));
    assertThat(nameField.getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(browser.findElement(By.id("f-name-error")).getText())
        .isEqualTo("Enter a name that says what the token is for.");
    // An expiry in the past: the service's refusal at the expiry field.
    nameField.sendKeys(name);
    setDate("f-expiresOn", LocalDate.now().minusDays(2));
    browser.findElement(By.cssSelector("[data-testid=token-form] button.primary")).click();
    WebElement expires = waitFor(By.id("f-expiresOn"));
    assertThat(expires.getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(browser.findElement(By.id("f-expiresOn-error")).getText())
        .isEqualTo("must lie in the future");
    assertThat(browser.findElement(By.id("f-name")).getAttribute("value")).isEqualTo(name);
    assertThat(tokens.mine()).hasSize(before);

    // Created: the secret is shown with the warning and a Copy button.
    setDate("f-expiresOn", LocalDate.now().plusDays(30));
    browser.findElement(By.cssSelector("[data-testid=token-form] button.primary")).click();
    WebElement created = waitFor(By.cssSelector("[data-testid=token-created]"));
    assertThat(created.getAttribute("role")).isEqualTo("alert");
    assertThat(created.getText())
        .contains("Token " + name + " created")
        .contains("it is shown only this once");
    String secret = browser.findElement(By.id("token-secret")).getAttribute("value");
    assertThat(secret).startsWith("fcrm_").hasSizeGreaterThan(40);
    WebElement copy = browser.findElement(By.cssSelector("button[data-copy=token-secret]"));
    assertThat(copy.getText()).isEqualTo("Copy");
    copy.click();
    waitUpTo(Duration.ofSeconds(5)).until(d -> copy.getAttribute("data-copied-at") != null);
    assertThat(browser.findElement(By.id("announcer")).getAttribute("textContent"))
        .isEqualTo("Token copied.");
    ApiTokenView token =
        tokens.mine().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    assertThat(token.expiresAt()).isAfter(Instant.now().plus(Duration.ofDays(29)));
    WebElement mine = row("my-tokens", name);
    assertThat(mine.findElements(By.tagName("b"))).isEmpty(); // the name is escaped
    assertThat(mine.getText()).contains(secret.substring(0, 13) + "…").contains("Not yet");
    assertThat(mine.findElement(By.cssSelector("[data-testid=token-status]")).getText())
        .isEqualTo("Active");

    // The secret works as a bearer token against the REST API, as the administrator.
    HttpResponse<String> answer = me(secret);
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).contains("\"login\":\"admin\"");

    // Shown once: a reload lists the token without its secret, and now with a last use.
    open("/account/api-tokens");
    waitFor(By.cssSelector("[data-testid=my-tokens]"));
    assertThat(browser.getPageSource()).doesNotContain(secret);
    assertThat(browser.findElements(By.cssSelector("[data-testid=token-created]"))).isEmpty();
    assertThat(row("my-tokens", name).getText()).doesNotContain("Not yet");

    // Revoke, confirmed in the dialog: the page says so, and the API answers 401.
    row("my-tokens", name)
        .findElement(By.cssSelector("[data-testid=revoke-" + token.id() + "]"))
        .click();
    assertThat(browser.switchTo().alert().getText()).contains(name);
    browser.switchTo().alert().accept();
    assertThat(waitFor(By.cssSelector(".flash-success")).getText())
        .isEqualTo("Token " + name + " of admin revoked.");
    assertThat(
            row("my-tokens", name)
                .findElement(By.cssSelector("[data-testid=token-status]"))
                .getText())
        .startsWith("Revoked");
    assertThat(row("my-tokens", name).findElements(By.cssSelector("button.danger"))).isEmpty();
    assertThat(me(secret).statusCode()).isEqualTo(401);
    assertThat(consoleErrors()).isEmpty();
  }

  @Test
  void aUserSeesOnlyHisOwnTokensWhileTheAdministratorSeesAndRevokesEveryonesInPolish()
      throws Exception {
    String code = "TOKEN_USER_" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    roles.create(new RoleCommand(code, "Reads products"));
    roles.updateMatrix(code, List.of(new Permission(EntityType.PRODUCT, Action.READ, Scope.ALL)));
    String login = "tokens" + UUID.randomUUID().toString().substring(0, 8);
    UserView user = users.create(new UserCommand(login, "Token User", null, true));
    roles.assignRoles(user.id(), List.of(code));
    CrmUserPrincipal admin =
        (CrmUserPrincipal) SecurityContextHolder.getContext().getAuthentication().getPrincipal();
    passwords.setPassword(admin, user.id(), "token-user-password");
    String adminsToken = "Admin's own " + UUID.randomUUID().toString().substring(0, 6);
    String secretOfAdmin = tokens.create(new ApiTokenCommand(adminsToken, null, null)).secret();

    browser.manage().deleteAllCookies();
    signIn(login, "token-user-password");
    waitFor(By.cssSelector(".user-menu"));
    open("/account/api-tokens?lang=pl");
    assertThat(waitFor(By.tagName("h1")).getText()).isEqualTo("Tokeny API");
    String name = "Skrypt " + UUID.randomUUID().toString().substring(0, 6);
    browser.findElement(By.id("f-name")).sendKeys(name);
    browser.findElement(By.cssSelector("[data-testid=token-form] button.primary")).click();
    String secret = waitFor(By.id("token-secret")).getAttribute("value");
    assertThat(me(secret).body()).contains("\"login\":\"" + login + "\"");
    // His own tokens only: no list of everyone's, nothing of the administrator's.
    assertThat(browser.findElements(By.cssSelector("[data-testid=all-tokens]"))).isEmpty();
    assertThat(browser.findElement(By.tagName("main")).getText())
        .contains(name)
        .contains("Nigdy")
        .doesNotContain(adminsToken);
    // Hidden is not the guard: revoking the administrator's token by its address is refused.
    ApiTokenView adminToken =
        tokens.mine().stream().filter(t -> t.name().equals(adminsToken)).findFirst().orElseThrow();
    script(
        "const f = document.querySelector('[data-testid=token-form]');"
            + "f.action = arguments[0]; f.submit();",
        url("/account/api-tokens/" + adminToken.id() + "/revoke"));
    assertThat(waitFor(By.tagName("h1")).getText()).contains("404");
    assertThat(me(secretOfAdmin).statusCode()).isEqualTo(200);

    // The administrator sees the user's token among everyone's and revokes it.
    browser.manage().deleteAllCookies();
    signIn("admin", "test-admin-password");
    waitFor(By.cssSelector(".user-menu"));
    open("/account/api-tokens?lang=en");
    WebElement theirs = row("all-tokens", name);
    assertThat(theirs.getText()).contains(login);
    theirs.findElement(By.cssSelector("button.danger")).click();
    browser.switchTo().alert().accept();
    assertThat(waitFor(By.cssSelector(".flash-success")).getText())
        .isEqualTo("Token " + name + " of " + login + " revoked.");
    assertThat(me(secret).statusCode()).isEqualTo(401);
    assertThat(me(secretOfAdmin).statusCode()).isEqualTo(200);
  }
}
