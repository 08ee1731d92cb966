package org.flowcrm.ui.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.flowcrm.crm.assignment.AssignmentRuleService;
import org.flowcrm.crm.assignment.AssignmentRuleView;
import org.flowcrm.crm.assignment.RuleTarget;
import org.flowcrm.crm.permission.RoleService;
import org.flowcrm.crm.security.CrmUserPrincipal;
import org.flowcrm.crm.security.PasswordService;
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
 * The assignment rules page: an administrator writes "big deals go to Anna" in a form, sees the
 * service's refusal at the field, the rule in words in the list, and turns it off and deletes it; a
 * manager gets 403.
 */
class AssignmentRulesIT extends BrowserTest {

  @Autowired AssignmentRuleService rules;
  @Autowired UserService users;
  @Autowired RoleService roles;
  @Autowired PasswordService passwords;

  private UserView user(String name, String role) {
    String login = "rules" + UUID.randomUUID().toString().substring(0, 8);
    UserView user = users.create(new UserCommand(login, name, null, true));
    roles.assignRoles(user.id(), List.of(role));
    CrmUserPrincipal admin =
        (CrmUserPrincipal) SecurityContextHolder.getContext().getAuthentication().getPrincipal();
    passwords.setPassword(admin, user.id(), "rules-password");
    return user;
  }

  private AssignmentRuleView rule(String name) {
    return rules.list().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
  }

  private WebElement row(AssignmentRuleView rule) {
    return browser.findElement(By.cssSelector("tr[data-rule-id=\"" + rule.id() + "\"]"));
  }

  @Test
  void anAdministratorWritesARuleInAFormAndSeesItInWords() {
    UserView anna = user("Anna Big-Deals", "MANAGER");
    String name = "Big deals " + UUID.randomUUID().toString().substring(0, 6);
    open("/admin/assignment-rules/new");
    browser.findElement(By.id("f-name")).sendKeys(name);
    new Select(browser.findElement(By.id("f-entityType"))).selectByValue("DEAL");
    browser.findElement(By.id("f-minAmount")).sendKeys("10000");
    new Select(browser.findElement(By.id("f-target"))).selectByValue("USER");
    browser.findElement(By.cssSelector("form.record-form button.primary")).click();

    // The service requires a user for target USER: the message stands at that field.
    WebElement userField = waitFor(By.id("f-targetUserId"));
    assertThat(userField.getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(browser.findElement(By.id("f-targetUserId-error")).getText())
        .isEqualTo("must be set when target is USER");
    assertThat(rules.list()).noneMatch(r -> r.name().equals(name));

    new Select(browser.findElement(By.id("f-targetUserId")))
        .selectByValue(String.valueOf(anna.id()));
    browser.findElement(By.cssSelector("form.record-form button.primary")).click();

    assertThat(waitFor(By.cssSelector(".flash-success")).getText()).contains(name);
    AssignmentRuleView saved = rule(name);
    assertThat(saved.target()).isEqualTo(RuleTarget.USER);
    assertThat(saved.targetUserId()).isEqualTo(anna.id());
    assertThat(saved.minAmount()).isEqualByComparingTo("10000");
    assertThat(row(saved).getText())
        .contains("Deals, amount ≥ 10,000")
        .contains("User: Anna Big-Deals");

    // Turned off: still listed, marked inactive, and the service no longer applies it.
    row(saved).findElement(By.linkText(name)).click();
    WebElement active = waitFor(By.id("f-active"));
    assertThat(active.isSelected()).isTrue();
    active.click();
    browser.findElement(By.cssSelector("form.record-form button.primary")).click();
    waitFor(By.cssSelector(".flash-success"));
    assertThat(rule(name).active()).isFalse();
    assertThat(row(saved).getText()).contains("inactive");

    row(saved).findElement(By.cssSelector("form button")).click();
    assertThat(waitFor(By.cssSelector(".flash-success")).getText()).contains("deleted");
    assertThat(rules.list()).noneMatch(r -> r.name().equals(name));
  }

  @Test
  void aManagerMayNotSeeTheRules() {
    UserView manager = user("Mark Manager", "MANAGER");
    browser.manage().deleteAllCookies();
    signIn(users.get(manager.id()).login(), "rules-password");
    waitFor(By.cssSelector(".user-menu"));
    open("/admin/assignment-rules");
    assertThat(browser.findElement(By.tagName("h1")).getText()).contains("403");
  }
}
