package org.flowcrm.ui.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.flowcrm.ui.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The analyst's journey in the modeler, in a real browser: find the process, open it in the Camunda
 * 8 modeler with the properties panel and our element templates, change it, deploy it, and see the
 * new version or the engine's refusal next to the diagram.
 */
class ProcessModelerIT extends BrowserTest {

  private static final String PROCESS = "ui-test-lead";

  private static By element(String id) {
    return By.cssSelector(".djs-element[data-element-id=\"" + id + "\"]");
  }

  private void openModeler() {
    open("/processes");
    browser.findElement(By.cssSelector("a[href$=\"/processes/" + PROCESS + "/edit\"]")).click();
    waitFor(By.cssSelector("#modeler[data-state=\"ready\"]"));
  }

  @Test
  void opensTheModelWithPropertiesPanelAndElementTemplates() {
    openModeler();

    assertThat(browser.getTitle()).contains("UI test lead follow-up").endsWith("Flowcrm");
    for (String id :
        List.of(
            "StartEvent_LeadReceived", "Task_Call", "Task_Mail", "UserTask_Qualify", "Flow_4")) {
      assertThat(browser.findElements(element(id))).as(id).hasSize(1);
    }
    assertThat(
            browser.findElement(By.cssSelector("#properties .bio-properties-panel")).isDisplayed())
        .isTrue();

    @SuppressWarnings("unchecked")
    List<String> templates =
        (List<String>)
            script(
                "return window.flowcrm.modeler.get('elementTemplates').getAll()"
                    + ".map(function (t) { return t.id; })");
    assertThat(templates)
        .containsExactlyInAnyOrder("org.flowcrm.test.send-mail", "org.flowcrm.test.create-task");

    // Selecting the templated task shows the template's own properties in the panel.
    browser.findElement(element("Task_Mail")).click();
    waitUpTo(Duration.ofSeconds(10))
        .until(
            b ->
                b.findElement(By.id("properties"))
                    .getText()
                    .toLowerCase(java.util.Locale.ROOT)
                    .contains("send mail (test)"));
    // The template's own field sits in the collapsed "Custom properties" group.
    browser
        .findElement(
            By.xpath(
                "//*[@id='properties']//*[contains(@class,'bio-properties-panel-group-header')]"
                    + "[contains(., 'Custom properties')]"))
        .click();
    waitUpTo(Duration.ofSeconds(5))
        .until(b -> b.findElement(By.id("properties")).getText().contains("Mail template"));
    assertThat(consoleErrors()).isEmpty();
  }

  @Test
  void deploySendsTheEditedXmlAndShowsTheNewVersion() {
    openModeler();
    script(
        "var m = window.flowcrm.modeler;"
            + "m.get('modeling').updateLabel(m.get('elementRegistry').get('Task_Call'),"
            + " 'Call the lead within an hour');");

    browser.findElement(By.id("deploy-button")).click();

    WebElement result = waitFor(By.cssSelector("#deploy-result .flash-success"));
    assertThat(result.getText()).isEqualTo("Deployed ui-test-lead, version 1.");
    assertThat(deployments.received()).hasSize(1);
    RecordingProcessDeployments.Received sent = deployments.received().get(0);
    assertThat(sent.resourceName()).isEqualTo("ui-test-lead.bpmn");
    assertThat(sent.xml())
        .contains("name=\"Call the lead within an hour\"")
        .contains("zeebe:modelerTemplate=\"org.flowcrm.test.send-mail\"");

    browser.findElement(By.id("deploy-button")).click();
    waitUpTo(Duration.ofSeconds(10))
        .until(
            ExpectedConditions.textToBe(
                By.cssSelector("#deploy-result .flash-success"),
                "Deployed ui-test-lead, version 2."));
  }

  @Test
  void showsTheEnginesRefusalAndMarksTheElement() {
    openModeler();
    deployments.refuseNext(
        "INVALID_ARGUMENT",
        "Command 'CREATE' rejected with code 'INVALID_ARGUMENT': Expected to deploy new resources,"
            + " but encountered the following errors:\n'ui-test-lead.bpmn': - Element: Task_Call\n"
            + "    - ERROR: Must have exactly one 'zeebe:taskDefinition' extension element");

    browser.findElement(By.id("deploy-button")).click();

    WebElement problem = waitFor(By.cssSelector("#deploy-result .flash-error"));
    assertThat(problem.getText())
        .contains("The engine refused the model:")
        .contains("INVALID_ARGUMENT")
        .contains("Must have exactly one 'zeebe:taskDefinition' extension element");
    waitUpTo(Duration.ofSeconds(5))
        .until(
            ExpectedConditions.attributeContains(element("Task_Call"), "class", "flowcrm-error"));
    assertThat(browser.findElement(element("Task_Mail")).getAttribute("class"))
        .doesNotContain("flowcrm-error");
    assertThat(browser.findElement(By.id("announcer")).getAttribute("aria-live"))
        .isEqualTo("polite");
  }

  @Test
  void anUnexpectedServerErrorIsShownToo() {
    openModeler();
    deployments.failNext(new IllegalStateException("a bug"));

    browser.findElement(By.id("deploy-button")).click();

    WebElement problem = waitFor(By.cssSelector("#deploy-result .flash-error"));
    assertThat(problem.getText())
        .isEqualTo("The deployment could not be completed (HTTP 500). Please try again.");
  }
}
