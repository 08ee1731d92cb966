package org.flowcrm.ui.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.flowcrm.crm.lead.LeadCommand;
import org.flowcrm.crm.lead.LeadService;
import org.flowcrm.crm.lead.LeadSource;
import org.flowcrm.crm.permission.Action;
import org.flowcrm.crm.permission.EntityType;
import org.flowcrm.crm.permission.Permission;
import org.flowcrm.crm.permission.RoleService;
import org.flowcrm.crm.permission.Scope;
import org.flowcrm.crm.security.CrmUserPrincipal;
import org.flowcrm.crm.security.PasswordService;
import org.flowcrm.crm.user.UserCommand;
import org.flowcrm.crm.user.UserService;
import org.flowcrm.crm.user.UserView;
import org.flowcrm.ui.BrowserTest;
import org.flowcrm.ui.SignedInHttp;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Roles in the browser: a role created as a copy of MANAGER has the manager's matrix; widening its
 * lead read scope from "own" to "all" in the grid lets its holder see a colleague's lead in his
 * list (and the change is in the audit log); a deal restriction is added and removed.
 */
class AdminRolesIT extends BrowserTest {

  @Autowired RoleService roles;
  @Autowired UserService users;
  @Autowired LeadService leads;
  @Autowired PasswordService passwords;
  @Autowired JdbcClient jdbc;

  private static String unique() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  }

  private void lead(String title, Long responsibleId) {
    leads.create(
        new LeadCommand(
            title,
            "Jan",
            "Kowalski",
            null,
            null,
            null,
            LeadSource.PHONE,
            null,
            responsibleId,
            List.of(),
            List.of(),
            List.of()));
  }

  private List<String> leadTitles(String word) {
    open("/leads?q=" + word);
    waitFor(By.tagName("h1"));
    return browser.findElements(By.cssSelector(".data-table tbody tr td a")).stream()
        .map(WebElement::getText)
        .filter(t -> t.contains(word))
        .toList();
  }

  @Test
  void wideningAScopeInTheGridChangesWhatTheRoleHolderSees() {
    String suffix = unique().toUpperCase();
    String code = "SELLER_" + suffix;

    // a new role as a copy of the manager's
    open("/admin/roles");
    browser.findElement(By.id("f-code")).sendKeys("bad code");
    browser.findElement(By.id("f-name")).sendKeys("Seller " + suffix);
    browser.findElement(By.cssSelector("[data-testid=role-form] button")).click();
    waitFor(By.cssSelector(".form-errors"));
    assertThat(browser.findElement(By.id("f-code")).getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(browser.findElement(By.id("f-code-error")).getText()).contains("upper-case");
    browser.findElement(By.id("f-code")).clear();
    browser.findElement(By.id("f-code")).sendKeys(code);
    new Select(browser.findElement(By.id("f-copyFrom"))).selectByValue("MANAGER");
    browser.findElement(By.cssSelector("[data-testid=role-form] button")).click();
    waitFor(By.cssSelector("[data-testid=permission-grid]"));
    assertThat(roles.matrix(code).permissions()).isEqualTo(roles.matrix("MANAGER").permissions());
    Select leadRead = new Select(browser.findElement(By.id("cell-LEAD-READ")));
    assertThat(leadRead.getFirstSelectedOption().getAttribute("value")).isEqualTo("OWN");

    // its holder and two leads: his own and a colleague's
    String login = "seller" + unique();
    UserView seller = users.create(new UserCommand(login, "Seller " + suffix, null, true));
    roles.assignRoles(seller.id(), List.of(code));
    CrmUserPrincipal admin =
        (CrmUserPrincipal) SecurityContextHolder.getContext().getAuthentication().getPrincipal();
    passwords.setPassword(admin, seller.id(), "seller-password-1");
    String word = "zq" + unique();
    lead("Mine " + word, seller.id());
    lead("Colleague " + word, admin.id());

    browser.manage().deleteAllCookies();
    signIn(login, "seller-password-1");
    waitFor(By.cssSelector(".user-menu"));
    assertThat(leadTitles(word)).containsExactly("Mine " + word);

    // the administrator widens lead read to all, the whole grid in one post
    browser.manage().deleteAllCookies();
    signIn(SignedInHttp.ADMIN, SignedInHttp.ADMIN_PASSWORD);
    waitFor(By.cssSelector(".user-menu"));
    open("/admin/roles/" + code);
    new Select(browser.findElement(By.id("cell-LEAD-READ"))).selectByValue("ALL");
    browser.findElement(By.cssSelector("[data-testid=permission-grid] button")).click();
    waitFor(By.cssSelector(".flash-success"));
    assertThat(
            new Select(browser.findElement(By.id("cell-LEAD-READ")))
                .getFirstSelectedOption()
                .getText())
        .isEqualTo("All");
    assertThat(roles.matrix(code).permissions())
        .contains(new Permission(EntityType.LEAD, Action.READ, Scope.ALL))
        .contains(new Permission(EntityType.LEAD, Action.UPDATE, Scope.OWN));
    assertThat(
            jdbc.sql(
                    "SELECT detail FROM crm_audit_event WHERE event_type = 'PERMISSIONS_CHANGED'"
                        + " AND detail LIKE :role")
                .param("role", code + ":%")
                .query(String.class)
                .list())
        // the copy wrote the manager's cells; the grid changed exactly one
        .contains(code + ": LEAD READ OWN→ALL");

    browser.manage().deleteAllCookies();
    signIn(login, "seller-password-1");
    waitFor(By.cssSelector(".user-menu"));
    assertThat(leadTitles(word)).containsExactlyInAnyOrder("Mine " + word, "Colleague " + word);
  }

  @Test
  void addsAndRemovesADealRestriction() {
    String code = "RESTRICTED_" + unique().toUpperCase();
    open("/admin/roles");
    browser.findElement(By.id("f-code")).sendKeys(code);
    browser.findElement(By.id("f-name")).sendKeys("Restricted");
    browser.findElement(By.cssSelector("[data-testid=role-form] button")).click();
    waitFor(By.cssSelector("[data-testid=restrictions-form]"));

    new Select(browser.findElement(By.id("new-semantic"))).selectByValue("WON");
    browser.findElement(By.cssSelector("[data-testid=restrictions-form] button")).click();
    waitFor(By.cssSelector(".flash-success"));
    assertThat(roles.dealRestrictions(code)).hasSize(1);
    assertThat(browser.findElement(By.cssSelector("[data-testid=restrictions-form]")).getText())
        .contains("Any pipeline: may not move deals into won stages");

    // a stage and a kind of stage together are refused, in the service's words
    Select stage = new Select(browser.findElement(By.id("new-stage")));
    stage.selectByIndex(1);
    new Select(browser.findElement(By.id("new-semantic"))).selectByValue("LOST");
    browser.findElement(By.cssSelector("[data-testid=restrictions-form] button")).click();
    waitFor(By.cssSelector(".flash-error"));
    assertThat(browser.findElement(By.cssSelector(".flash-error")).getText())
        .contains("give either stageId or stageSemantic");
    assertThat(roles.dealRestrictions(code)).hasSize(1);

    browser.findElement(By.cssSelector("input[name=keep]")).click();
    browser.findElement(By.cssSelector("[data-testid=restrictions-form] button")).click();
    waitFor(By.cssSelector(".flash-success"));
    assertThat(roles.dealRestrictions(code)).isEmpty();
  }
}
