package org.flowcrm.ui.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.flowcrm.crm.deal.DealCommand;
import org.flowcrm.crm.deal.DealService;
import org.flowcrm.crm.deal.PipelineService;
import org.flowcrm.crm.deal.PipelineView;
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
 * Pipelines and stages administration: a pipeline created on the page, a stage added to it shows as
 * a column of the deal board, moved up it moves there too; a bad probability is refused at the
 * field; a pipeline with a deal is not deleted (the service's reason shown), an empty one is; a
 * manager gets 403.
 */
class AdminPipelinesIT extends BrowserTest {

  @Autowired PipelineService pipelines;
  @Autowired DealService deals;
  @Autowired RoleService roles;
  @Autowired UserService users;
  @Autowired PasswordService passwords;

  private static String word() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  private long createOnThePage(String name) {
    open("/admin/pipelines");
    waitFor(By.id("new-pipeline-name")).sendKeys(name);
    browser.findElement(By.cssSelector("#new-pipeline ~ form button[type=submit]")).click();
    assertThat(waitFor(By.cssSelector(".flash-success")).getText())
        .isEqualTo("Pipeline \"" + name + "\" created.");
    String url = browser.getCurrentUrl();
    return Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
  }

  private List<String> boardColumns(long pipelineId) {
    open("/deals?pipeline=" + pipelineId);
    waitFor(By.cssSelector(".board"));
    return browser.findElements(By.cssSelector(".board-column-head h2")).stream()
        .map(WebElement::getText)
        .toList();
  }

  @Test
  void aNewStageIsAColumnOfTheBoardAndMovesUp() {
    String name = "Wholesale <b>" + word() + "</b>";
    long id = createOnThePage(name);
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Pipeline: " + name);
    assertThat(boardColumns(id)).containsExactly("New", "Won", "Lost");

    open("/admin/pipelines/" + id);
    waitFor(By.id("f-newName")).sendKeys("Negotiation");
    browser.findElement(By.id("f-newProbability")).sendKeys("60");
    browser.findElement(By.cssSelector("button[value=save]")).click();
    assertThat(waitFor(By.cssSelector(".flash-success")).getText())
        .isEqualTo("Pipeline \"" + name + "\" saved.");
    PipelineView saved = pipelines.get(id);
    assertThat(saved.stages())
        .extracting(PipelineView.StageView::code)
        .containsExactly("NEW", "NEGOTIATION", "WON", "LOST");
    assertThat(saved.stages().get(1).probability()).isEqualTo(60);
    assertThat(boardColumns(id)).containsExactly("New", "Negotiation", "Won", "Lost");

    // "Up" on the second open stage, with a rename typed meanwhile: both are kept
    open("/admin/pipelines/" + id);
    WebElement first = waitFor(By.id("f-stages-0--name"));
    first.clear();
    first.sendKeys("First contact");
    browser.findElement(By.cssSelector("button[value='up:1']")).click();
    waitFor(By.cssSelector(".flash-success"));
    assertThat(boardColumns(id)).containsExactly("Negotiation", "First contact", "Won", "Lost");
    // the won and lost stages can be renamed but offer no move or remove
    open("/admin/pipelines/" + id);
    WebElement won = waitFor(By.cssSelector(".stage-row[data-code=WON]"));
    assertThat(won.findElements(By.tagName("button"))).isEmpty();
  }

  @Test
  void aBadProbabilityIsRefusedAtTheFieldAndNothingIsSaved() {
    long id = createOnThePage("Probabilities " + word());
    WebElement probability = waitFor(By.id("f-stages-0--probability"));
    probability.clear();
    probability.sendKeys("abc");
    browser.findElement(By.cssSelector("button[value=save]")).click();
    WebElement error = waitFor(By.id("f-stages-0--probability-error"));
    assertThat(error.getText()).isEqualTo("Enter a whole number from 0 to 100.");
    assertThat(browser.findElement(By.id("f-stages-0--probability")).getAttribute("aria-invalid"))
        .isEqualTo("true");
    assertThat(browser.findElement(By.id("f-stages-0--probability")).getAttribute("value"))
        .isEqualTo("abc");
    assertThat(pipelines.get(id).stages().get(0).probability()).isEqualTo(10);

    // a code the service refuses comes back at the new stage's code field
    WebElement probabilityAgain = browser.findElement(By.id("f-stages-0--probability"));
    probabilityAgain.clear();
    browser.findElement(By.id("f-newName")).sendKeys("Bad code");
    browser.findElement(By.id("f-newCode")).sendKeys("bad code");
    browser.findElement(By.cssSelector("button[value=save]")).click();
    assertThat(waitFor(By.id("f-newCode-error")).getText()).contains("upper-case letters");
    assertThat(pipelines.get(id).stages()).hasSize(3);
  }

  @Test
  void aPipelineWithDealsIsNotDeletedAnEmptyOneIs() {
    String name = "In use " + word();
    long id = createOnThePage(name);
    deals.create(
        new DealCommand(
            "Deal in " + name,
            id,
            null,
            new BigDecimal("100"),
            "EUR",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null));
    browser.findElement(By.cssSelector(".danger-zone button")).click();
    browser.switchTo().alert().accept();
    assertThat(waitFor(By.cssSelector(".flash-error")).getText())
        .isEqualTo("Not saved: Pipeline " + name + " still has 1 deal; move or delete them first");
    assertThat(pipelines.get(id).name()).isEqualTo(name);

    String empty = "Empty " + word();
    long emptyId = createOnThePage(empty);
    browser.findElement(By.cssSelector(".danger-zone button")).click();
    browser.switchTo().alert().accept();
    assertThat(waitFor(By.cssSelector(".flash-success")).getText())
        .isEqualTo("Pipeline \"" + empty + "\" deleted.");
    assertThat(pipelines.list()).noneMatch(p -> p.id() == emptyId);
  }

  @Test
  void aManagerIsRefused() {
    String code = "NO_ADMIN_" + word().toUpperCase().replace('-', '_');
    roles.create(new RoleCommand(code, "Manager"));
    roles.updateMatrix(code, List.of(new Permission(EntityType.DEAL, Action.READ, Scope.OWN)));
    String login = "manager" + word();
    UserView user = users.create(new UserCommand(login, "Manager", null, true));
    roles.assignRoles(user.id(), List.of(code));
    CrmUserPrincipal admin =
        (CrmUserPrincipal) SecurityContextHolder.getContext().getAuthentication().getPrincipal();
    passwords.setPassword(admin, user.id(), "manager-password");

    browser.manage().deleteAllCookies();
    signIn(login, "manager-password");
    waitFor(By.cssSelector(".user-menu"));
    open("/admin/pipelines");
    assertThat(browser.findElement(By.tagName("h1")).getText()).contains("403");
  }

  @Test
  void thePageFitsAPhone() {
    long id = createOnThePage("Phone " + word());
    browser.manage().window().setSize(PHONE);
    open("/admin/pipelines/" + id);
    waitFor(By.id("f-newName"));
    assertThat(script("return document.documentElement.scrollWidth <= window.innerWidth"))
        .isEqualTo(true);
  }
}
