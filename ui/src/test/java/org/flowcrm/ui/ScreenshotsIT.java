package org.flowcrm.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;

/**
 * Screenshots of the main pages, at laptop and phone width. Written to {@code target/screenshots}
 * on every build; to refresh the ones in the docs:
 *
 * <pre>mvn -pl ui verify -Dit.test=ScreenshotsIT -Dscreenshots.dir=$PWD/docs/screenshots</pre>
 */
class ScreenshotsIT extends BrowserTest {

  private static final Path DIR =
      Path.of(System.getProperty("screenshots.dir", "target/screenshots"));

  @Test
  void mainPages() throws IOException {
    Files.createDirectories(DIR);
    shoot("home", "/", LAPTOP, null);
    shoot("processes", "/processes", LAPTOP, null);
    shoot("process-modeler", "/processes/ui-test-lead/edit", LAPTOP, "#modeler[data-state=ready]");
    // The same modeler with a templated task selected, then after the engine refused a deploy.
    browser.findElement(By.cssSelector(".djs-element[data-element-id=\"Task_Mail\"]")).click();
    waitFor(By.cssSelector("#properties .bio-properties-panel-header"));
    save("process-modeler-template");
    deployments.refuseNext(
        "INVALID_ARGUMENT",
        "Command 'CREATE' rejected with code 'INVALID_ARGUMENT': Expected to deploy new resources,"
            + " but encountered the following errors:\n'ui-test-lead.bpmn': - Element: Task_Call\n"
            + "    - ERROR: Must have exactly one 'zeebe:taskDefinition' extension element");
    script("window.flowcrm.modeler.get('selection').select(null);");
    browser.findElement(By.id("deploy-button")).click();
    waitFor(By.cssSelector("#deploy-result .flash-error"));
    waitFor(By.cssSelector(".flowcrm-error"));
    save("process-modeler-refused");
    shoot(
        "process-viewer",
        "/processes/ui-test-lead?highlight=UserTask_Qualify",
        LAPTOP,
        "#viewer[data-state=ready]");
    shoot("home-phone", "/", PHONE, null);
    shoot("processes-phone-pl", "/processes?lang=pl", PHONE, null);
    open("/?lang=en");
  }

  private void shoot(String name, String path, Dimension size, String readySelector)
      throws IOException {
    browser.manage().window().setSize(size);
    open(path);
    if (readySelector != null) {
      waitFor(By.cssSelector(readySelector));
    }
    save(name);
  }

  private void save(String name) throws IOException {
    byte[] png = browser.getScreenshotAs(OutputType.BYTES);
    Path file = DIR.resolve(name + ".png");
    Files.write(file, png);
    assertThat(Files.size(file)).as(name).isGreaterThan(1000);
  }
}
