package org.flowcrm.ui.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.flowcrm.crm.security.CrmUserPrincipal;
import org.flowcrm.crm.security.PasswordService;
import org.flowcrm.crm.user.DepartmentCommand;
import org.flowcrm.crm.user.DepartmentService;
import org.flowcrm.crm.user.DepartmentView;
import org.flowcrm.crm.user.UserService;
import org.flowcrm.crm.user.UserView;
import org.flowcrm.ui.BrowserTest;
import org.flowcrm.ui.SignedInHttp;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Users and departments in the browser: an administrator creates a user (errors at the fields
 * first), the new user signs in and, being a manager, sees no Administration menu and gets 403 on
 * the admin pages; deactivation stops his sign-in; the department tree, a refused delete and a
 * move.
 */
class AdminUsersIT extends BrowserTest {

  @Autowired UserService users;
  @Autowired DepartmentService departments;
  @Autowired PasswordService passwords;

  private static String unique(String prefix) {
    return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  }

  private String fieldError(String id) {
    return browser.findElement(By.id(id + "-error")).getText();
  }

  @Test
  void createsAUserWhoSignsInAsAManagerWithoutAdministration() {
    DepartmentView sales = departments.create(new DepartmentCommand(unique("Sales "), null, null));
    String login = unique("ola");

    open("/");
    browser.findElement(By.cssSelector("[data-testid=nav-admin]")).click();
    waitFor(By.cssSelector("[data-testid=admin-pages]"));
    assertThat(browser.findElement(By.cssSelector("[data-testid=admin-pages]")).getText())
        .contains("Users", "Departments", "Roles and permissions", "Currencies")
        .contains("Pipelines and stages", "Custom fields", "Mail templates", "Web forms")
        .contains("Mail catcher");
    browser.findElement(By.linkText("Users")).click();
    browser.findElement(By.linkText("New user")).click();

    // nothing filled in: each problem at its field, in words
    browser.findElement(By.id("f-login")).sendKeys("bad login!");
    browser.findElement(By.id("f-password")).sendKeys("short");
    browser.findElement(By.cssSelector("form.record-form button[type=submit]")).click();
    waitFor(By.cssSelector(".form-errors"));
    assertThat(browser.findElement(By.id("f-login")).getAttribute("aria-invalid"))
        .isEqualTo("true");
    assertThat(fieldError("f-login")).contains("letters, digits");
    assertThat(browser.findElement(By.id("f-displayName")).getAttribute("aria-invalid"))
        .isEqualTo("true");
    assertThat(fieldError("f-password")).contains("10");
    assertThat(fieldError("f-roles")).isEqualTo("Choose at least one role.");

    WebElement loginField = browser.findElement(By.id("f-login"));
    loginField.clear();
    loginField.sendKeys(login);
    browser.findElement(By.id("f-displayName")).sendKeys("Ola <b>Nowak</b>");
    browser.findElement(By.id("f-email")).sendKeys(login + "@example.com");
    browser.findElement(By.cssSelector("input[name=roles][value=MANAGER]")).click();
    new Select(browser.findElement(By.id("f-departmentId")))
        .selectByValue(String.valueOf(sales.id()));
    browser.findElement(By.id("f-password")).sendKeys("ola-password-1");
    browser.findElement(By.cssSelector("form.record-form button[type=submit]")).click();

    waitFor(By.cssSelector(".flash-success"));
    assertThat(browser.findElement(By.cssSelector(".flash-success")).getText())
        .isEqualTo("User " + login + " was created.");
    open("/admin/users");
    WebElement row = browser.findElement(By.xpath("//tr[td/a[normalize-space()='" + login + "']]"));
    assertThat(row.getText())
        .contains("Ola <b>Nowak</b>", "Manager", sales.name(), "Working", "Active");

    // he signs in with the initial password, and administration is not for him
    browser.manage().deleteAllCookies();
    signIn(login, "ola-password-1");
    waitFor(By.cssSelector(".user-menu"));
    assertThat(browser.findElement(By.cssSelector(".user-menu")).getText()).contains(login);
    assertThat(browser.findElements(By.cssSelector("[data-testid=nav-admin]"))).isEmpty();
    for (String page : List.of("/admin", "/admin/users", "/admin/roles", "/admin/currencies")) {
      open(page);
      assertThat(browser.findElement(By.tagName("h1")).getText()).as(page).contains("403");
    }
  }

  @Test
  void aDeactivatedUserCannotSignInUntilReactivated() throws Exception {
    String login = unique("gone");
    UserView user =
        users.create(new org.flowcrm.crm.user.UserCommand(login, "Gone Soon", null, true));
    CrmUserPrincipal admin =
        (CrmUserPrincipal) SecurityContextHolder.getContext().getAuthentication().getPrincipal();
    passwords.setPassword(admin, user.id(), "gone-password-1");

    open("/admin/users/" + user.id());
    browser.findElement(By.cssSelector("[data-testid=active-form] button")).click();
    waitFor(By.cssSelector(".flash-success"));
    assertThat(users.get(user.id()).active()).isFalse();
    assertThat(browser.findElement(By.cssSelector("[data-testid=active-form] button")).getText())
        .isEqualTo("Reactivate");

    browser.manage().deleteAllCookies();
    signIn(login, "gone-password-1");
    waitFor(By.cssSelector(".signin-form"));
    assertThat(browser.getCurrentUrl()).contains("/login");
    assertThat(browser.findElements(By.cssSelector(".user-menu"))).isEmpty();

    // reactivated, and with a password the administrator reset
    signIn(SignedInHttp.ADMIN, SignedInHttp.ADMIN_PASSWORD);
    waitFor(By.cssSelector(".user-menu"));
    open("/admin/users/" + user.id());
    browser.findElement(By.cssSelector("[data-testid=active-form] button")).click();
    waitFor(By.cssSelector(".flash-success"));
    browser.findElement(By.id("f-password")).sendKeys("new-password-22");
    browser.findElement(By.cssSelector("[data-testid=password-form] button")).click();
    waitFor(By.cssSelector(".flash-success"));
    assertThat(browser.findElement(By.cssSelector(".flash-success")).getText())
        .isEqualTo("The password of " + login + " was set.");
    browser.manage().deleteAllCookies();
    signIn(login, "new-password-22");
    waitFor(By.cssSelector(".user-menu"));
    assertThat(browser.findElement(By.cssSelector(".user-menu")).getText()).contains(login);
  }

  @Test
  void editsRolesDepartmentAndPresenceOfAUser() {
    String login = unique("edit");
    UserView user =
        users.create(new org.flowcrm.crm.user.UserCommand(login, "Edit Me", null, true));
    DepartmentView north = departments.create(new DepartmentCommand(unique("North "), null, null));

    open("/admin/users/" + user.id());
    browser.findElement(By.cssSelector("input[name=roles][value=DIRECTOR]")).click();
    new Select(browser.findElement(By.id("f-departmentId")))
        .selectByValue(String.valueOf(north.id()));
    new Select(browser.findElement(By.id("f-presence"))).selectByValue("AWAY");
    browser.findElement(By.cssSelector("[data-testid=user-form] button[type=submit]")).click();
    waitFor(By.cssSelector(".flash-success"));

    UserView saved = users.get(user.id());
    assertThat(saved.departmentId()).isEqualTo(north.id());
    assertThat(saved.presence().name()).isEqualTo("AWAY");
    assertThat(
            browser.findElement(By.cssSelector("input[name=roles][value=DIRECTOR]")).isSelected())
        .isTrue();
  }

  @Test
  void departmentTreeRefusesDeletingADepartmentWithSubDepartments() {
    String parentName = unique("Region ");
    String childName = unique("Branch ");
    open("/admin/departments");
    browser.findElement(By.id("f-name")).sendKeys(parentName);
    browser.findElement(By.cssSelector("form.record-form button[type=submit]")).click();
    waitFor(By.cssSelector(".flash-success"));
    DepartmentView parent =
        departments.list().stream()
            .filter(d -> d.name().equals(parentName))
            .findFirst()
            .orElseThrow();

    browser.findElement(By.id("f-name")).sendKeys(childName);
    new Select(browser.findElement(By.id("f-parentId"))).selectByValue(String.valueOf(parent.id()));
    browser.findElement(By.cssSelector("form.record-form button[type=submit]")).click();
    waitFor(By.cssSelector(".flash-success"));

    WebElement child =
        browser.findElement(
            By.xpath("//ul[@data-testid='department-tree']/li[a[text()='" + childName + "']]"));
    assertThat(child.getAttribute("data-depth")).isEqualTo("1");

    // an empty name is refused at the field
    browser.findElement(By.cssSelector("form.record-form button[type=submit]")).click();
    waitFor(By.cssSelector(".form-errors"));
    assertThat(browser.findElement(By.id("f-name")).getAttribute("aria-invalid")).isEqualTo("true");

    open("/admin/departments/" + parent.id());
    browser.findElement(By.cssSelector("[data-testid=department-delete] button")).click();
    waitFor(By.cssSelector(".flash-error"));
    assertThat(browser.findElement(By.cssSelector(".flash-error")).getText())
        .contains("Not deleted")
        .contains("has sub-departments");

    // moved to the top level, the former parent is empty and goes
    DepartmentView childView =
        departments.list().stream()
            .filter(d -> d.name().equals(childName))
            .findFirst()
            .orElseThrow();
    open("/admin/departments/" + childView.id());
    new Select(browser.findElement(By.id("f-parentId"))).selectByValue("");
    browser
        .findElement(By.cssSelector("[data-testid=department-form] button[type=submit]"))
        .click();
    waitFor(By.cssSelector(".flash-success"));
    open("/admin/departments/" + parent.id());
    browser.findElement(By.cssSelector("[data-testid=department-delete] button")).click();
    waitFor(By.cssSelector(".flash-success"));
    assertThat(departments.list()).noneMatch(d -> d.id() == parent.id());
  }

  @Test
  void theAdministrationPagesFitAPhone() {
    browser.manage().window().setSize(PHONE);
    open("/admin/users?lang=pl");
    assertThat(waitFor(By.tagName("h1")).getText()).isEqualTo("Użytkownicy");
    for (String path :
        List.of(
            "/admin",
            "/admin/users",
            "/admin/users/new",
            "/admin/departments",
            "/admin/roles",
            "/admin/roles/MANAGER",
            "/admin/currencies",
            "/admin/mailbox")) {
      open(path);
      long viewport = (Long) script("return document.documentElement.clientWidth;");
      long content = (Long) script("return document.documentElement.scrollWidth;");
      assertThat(content).as(path).isLessThanOrEqualTo(viewport);
    }
    open("/admin?lang=en");
  }
}
