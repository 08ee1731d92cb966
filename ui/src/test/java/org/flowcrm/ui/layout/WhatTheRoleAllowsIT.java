package org.flowcrm.ui.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.flowcrm.crm.lead.LeadCommand;
import org.flowcrm.crm.lead.LeadService;
import org.flowcrm.crm.lead.LeadSource;
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
 * Pages leave out what the user's role does not allow: menu entries, "New lead", the bulk actions.
 * Only a courtesy — the service still refuses the page itself.
 */
class WhatTheRoleAllowsIT extends BrowserTest {

  @Autowired RoleService roles;
  @Autowired UserService users;
  @Autowired PasswordService passwords;
  @Autowired LeadService leads;

  private List<String> menu() {
    return browser.findElements(By.cssSelector(".app-nav a")).stream()
        .map(WebElement::getText)
        .toList();
  }

  @Test
  void aReaderOfHisOwnLeadsSeesNeitherDealsNorReportsNorWhatHeMayNotChange() {
    String code = "LEAD_READER_" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    roles.create(new RoleCommand(code, "Reads his leads"));
    roles.updateMatrix(
        code,
        List.of(
            new Permission(EntityType.LEAD, Action.READ, Scope.OWN),
            new Permission(EntityType.CONTACT, Action.READ, Scope.OWN)));
    String login = "reader" + UUID.randomUUID().toString().substring(0, 8);
    UserView reader = users.create(new UserCommand(login, "Lead Reader", null, true));
    roles.assignRoles(reader.id(), List.of(code));
    CrmUserPrincipal admin =
        (CrmUserPrincipal) SecurityContextHolder.getContext().getAuthentication().getPrincipal();
    passwords.setPassword(admin, reader.id(), "reader-password");
    // A lead of his own, so his list has rows the bulk bar would act on.
    leads.create(
        new LeadCommand(
            "Reader's lead " + login,
            "Jan",
            "Nowak",
            null,
            null,
            null,
            LeadSource.PHONE,
            null,
            reader.id(),
            List.of(),
            List.of(),
            List.of()));

    // The administrator first: everything is offered.
    open("/leads");
    assertThat(menu()).contains("Leads", "Deals", "Companies", "Products", "Reports");
    assertThat(browser.findElements(By.cssSelector(".page-actions a[href$='/leads/new']")))
        .hasSize(1);
    assertThat(
            browser.findElements(By.cssSelector("#bulk-action option")).stream()
                .map(o -> o.getAttribute("value")))
        .contains("ASSIGN", "DELETE");

    browser.manage().deleteAllCookies();
    signIn(login, "reader-password");
    waitFor(By.cssSelector(".user-menu"));
    open("/leads");
    assertThat(menu())
        .contains("Home", "Leads", "Contacts", "Tasks", "Processes")
        .doesNotContain("Deals", "Companies", "Products", "Reports");
    assertThat(browser.findElement(By.cssSelector("main")).getText()).contains("Reader's lead");
    assertThat(browser.findElements(By.cssSelector("a[href$='/leads/new']"))).isEmpty();
    assertThat(browser.findElements(By.cssSelector(".bulk-bar"))).isEmpty();

    // Hidden is not the guard: typed in, the page is refused by the service.
    open("/reports");
    assertThat(browser.findElement(By.tagName("h1")).getText()).contains("403");
    open("/deals");
    assertThat(browser.findElement(By.tagName("h1")).getText()).contains("403");
  }
}
