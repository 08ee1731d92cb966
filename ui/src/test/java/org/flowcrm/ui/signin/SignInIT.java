package org.flowcrm.ui.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.flowcrm.crm.user.UserCommand;
import org.flowcrm.crm.user.UserService;
import org.flowcrm.ui.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Signing in through our login page in a real browser: wrong passwords are told at the fields, the
 * throttle's lock is explained, a signed-in user sees his name and can sign out.
 */
class SignInIT extends BrowserTest {

  @Autowired UserService users;
  @Autowired JdbcClient jdbc;
  @Autowired PasswordEncoder passwords;

  @Override
  protected boolean signInFirst() {
    return false;
  }

  @Test
  void aPageAsksForSignInAndReturnsToItAfterwards() {
    open("/processes");
    waitFor(By.id("username"));
    assertThat(browser.getCurrentUrl()).endsWith("/login");
    assertThat(browser.getTitle()).isEqualTo("Sign in · Flowcrm");
    assertThat(browser.findElements(By.cssSelector("nav.app-nav"))).isEmpty();
    assertThat(browser.findElement(By.cssSelector("input[name=_csrf]")).getAttribute("value"))
        .isNotBlank();

    signIn("admin", "test-admin-password");

    waitFor(By.cssSelector(".user-menu"));
    assertThat(browser.getCurrentUrl()).contains("/processes");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Processes");
    assertThat(browser.findElement(By.cssSelector(".user-name")).getText()).isEqualTo("admin");
  }

  @Test
  void aWrongPasswordIsShownAtTheFields() {
    signIn("admin", "not-the-password");

    assertThat(waitFor(By.cssSelector(".flash-error[role=alert]")).getText())
        .isEqualTo("The user name or password is wrong.");
    assertThat(browser.findElement(By.id("password")).getAttribute("aria-invalid"))
        .isEqualTo("true");
    assertThat(browser.findElement(By.id("password")).getAttribute("aria-describedby"))
        .isEqualTo("signin-error");
    assertThat(browser.findElements(By.cssSelector(".user-menu"))).isEmpty();
  }

  /**
   * A user of our own with a password (tests must not lock or fill the administrator's account).
   */
  private String newUser(String prefix) {
    String login = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    long id = users.create(new UserCommand(login, "Tester " + login, null, true)).id();
    jdbc.sql("UPDATE crm_user SET password_hash = :hash WHERE id = :id")
        .param("hash", passwords.encode("right-password"))
        .param("id", id)
        .update();
    return login;
  }

  @Test
  void aNewUsersHomeShowsEmptyStates() {
    signIn(newUser("fresh"), "right-password");
    waitFor(By.cssSelector(".user-menu"));
    assertThat(browser.findElement(By.id("main")).getText())
        .contains("No tasks yet.")
        .contains("Nothing overdue.")
        .contains("No open deals yet.");
  }

  @Test
  void tooManyFailuresLockTheUserWithAMessage() {
    String login = newUser("locked");

    // The test application locks after three failures (flowcrm.security.login.max-failures).
    for (int i = 0; i < 3; i++) {
      signIn(login, "wrong-" + i);
      waitFor(By.cssSelector(".flash-error"));
    }
    signIn(login, "right-password");

    assertThat(waitFor(By.cssSelector(".flash-error[role=alert]")).getText())
        .isEqualTo("Too many failed sign-ins for this user. Wait a few minutes and try again.");
    assertThat(browser.findElements(By.cssSelector(".user-menu"))).isEmpty();
  }

  @Test
  void signingOutEndsTheSessionInPolishToo() {
    open("/login?lang=pl");
    assertThat(browser.findElement(By.cssSelector("label[for=username]")).getText())
        .isEqualTo("Nazwa użytkownika");
    signIn("admin", "test-admin-password");
    waitFor(By.cssSelector(".user-menu button")).click();

    assertThat(waitFor(By.cssSelector(".flash-success")).getText()).isEqualTo("Wylogowano.");
    open("/");
    waitFor(By.id("username"));
    assertThat(browser.getCurrentUrl()).endsWith("/login");
    open("/?lang=en");
  }
}
