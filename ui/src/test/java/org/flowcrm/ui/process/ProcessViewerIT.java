package org.flowcrm.ui.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.flowcrm.ui.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The read-only diagram, as the deal card will embed it, with the current element marked. */
class ProcessViewerIT extends BrowserTest {

  @Test
  void highlightsTheCurrentElement() {
    open("/processes/ui-test-lead?highlight=UserTask_Qualify");
    waitFor(By.cssSelector("#viewer[data-state=\"ready\"]"));

    assertThat(
            browser
                .findElement(By.cssSelector(".djs-element[data-element-id=\"UserTask_Qualify\"]"))
                .getAttribute("class"))
        .contains("flowcrm-highlight");
    assertThat(browser.findElements(By.cssSelector(".flowcrm-highlight"))).hasSize(1);
    assertThat(browser.findElement(By.id("viewer-status")).getText())
        .isEqualTo("Current step: Qualify the lead");
    // A viewer, not a modeler: no palette, no properties panel.
    assertThat(browser.findElements(By.cssSelector(".djs-palette"))).isEmpty();
    assertThat(consoleErrors()).isEmpty();
  }

  @Test
  void saysSoWhenTheElementIsNotInTheDiagram() {
    open("/processes/ui-test-lead?highlight=NoSuchElement");
    waitFor(By.cssSelector("#viewer[data-state=\"ready\"]"));

    assertThat(browser.findElement(By.id("viewer-status")).getText())
        .isEqualTo("The element to highlight is not in this diagram.");
    assertThat(browser.findElements(By.cssSelector(".flowcrm-highlight"))).isEmpty();
  }
}
