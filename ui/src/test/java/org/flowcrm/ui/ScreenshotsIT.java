package org.flowcrm.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.flowcrm.crm.deal.DealCommand;
import org.flowcrm.crm.deal.DealService;
import org.flowcrm.crm.deal.DealView;
import org.flowcrm.crm.lead.LeadCommand;
import org.flowcrm.crm.lead.LeadService;
import org.flowcrm.crm.lead.LeadSource;
import org.flowcrm.crm.lead.LeadView;
import org.flowcrm.crm.link.ItemLink;
import org.flowcrm.crm.link.ItemType;
import org.flowcrm.crm.notification.NotificationCommand;
import org.flowcrm.crm.notification.NotificationService;
import org.flowcrm.crm.process.ProcessLinkService;
import org.flowcrm.crm.process.ProcessSubject;
import org.flowcrm.crm.product.ProductCommand;
import org.flowcrm.crm.product.ProductService;
import org.flowcrm.crm.shared.Email;
import org.flowcrm.crm.shared.EmailType;
import org.flowcrm.crm.shared.Phone;
import org.flowcrm.crm.shared.PhoneType;
import org.flowcrm.crm.task.TaskCommand;
import org.flowcrm.crm.task.TaskService;
import org.flowcrm.crm.user.UserCommand;
import org.flowcrm.crm.user.UserService;
import org.flowcrm.ui.task.ProcessTaskFixture;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Screenshots of the main pages, at laptop and phone width. Written to {@code target/screenshots}
 * on every build; to refresh the ones in the docs:
 *
 * <pre>mvn -pl ui verify -Dit.test=ScreenshotsIT -Dscreenshots.dir=$PWD/docs/screenshots</pre>
 */
class ScreenshotsIT extends BrowserTest {

  private static final Path DIR =
      Path.of(System.getProperty("screenshots.dir", "target/screenshots"));

  @Autowired LeadService leads;
  @Autowired ProcessLinkService processLinks;
  @Autowired DealService deals;
  @Autowired ProductService products;
  @Autowired TaskService tasks;
  @Autowired JdbcClient jdbc;
  @Autowired NotificationService notifications;
  @Autowired CamundaClient client;
  @Autowired UserService users;

  /**
   * A few records so the pages show what they are for (this test's own, named for the pictures).
   */
  private Ids sampleData() {
    long admin =
        jdbc.sql("SELECT id FROM crm_user WHERE login = 'admin'").query(Long.class).single();
    LeadView lead =
        leads.create(
            new LeadCommand(
                "Website inquiry: 40 office chairs",
                "Anna",
                "Keller",
                "Nordwind GmbH",
                "Buyer",
                null,
                LeadSource.WEB_FORM,
                null,
                admin,
                List.of(new Phone(PhoneType.WORK, "+49 151 23456789")),
                List.of(new Email(EmailType.WORK, "anna.keller@example.com")),
                List.of()));
    leads.addComment(lead.id(), "Called back; wants an offer with delivery by March.");
    String[][] sample = {
      {"Solar roof for Baltic Foods", "18400", "NEW"},
      {"Fleet renewal: 10 vans", "412000", "OFFER"},
      {"Warehouse racks", "23500", "OFFER"},
      {"Office chairs for Nordwind", "9800", "NEGOTIATION"},
      {"Canteen equipment", "56000", "INVOICE"},
      {"Server room cooling", "31000", "WON"}
    };
    long firstDeal = 0;
    for (String[] d : sample) {
      DealView deal =
          deals.create(
              new DealCommand(
                  d[0],
                  null,
                  null,
                  new BigDecimal(d[1]),
                  "EUR",
                  null,
                  null,
                  null,
                  admin,
                  null,
                  null,
                  null,
                  null));
      deals.moveToStage(deal.id(), d[2]);
      if (firstDeal == 0) {
        firstDeal = deal.id();
      }
    }
    products.create(
        new ProductCommand(
            "Office chair Ergo",
            null,
            null,
            true,
            new BigDecimal("245.00"),
            "EUR",
            "pcs",
            new BigDecimal("19"),
            null));
    tasks.create(
        new TaskCommand(
            "Call Anna Keller back",
            null,
            admin,
            Instant.now().minus(Duration.ofHours(3)),
            null,
            List.of(new ItemLink(ItemType.LEAD, lead.id()))));
    tasks.create(
        new TaskCommand(
            "Send the offer for the solar roof",
            null,
            admin,
            null,
            null,
            List.of(new ItemLink(ItemType.DEAL, firstDeal))));
    // process user tasks beside the CRM tasks: one of mine with a due date, one for my group
    ProcessTaskFixture engine = new ProcessTaskFixture(client);
    var processTask =
        engine.start(
            "admin",
            List.of(),
            Instant.now().plus(Duration.ofDays(1)),
            Map.of("leadId", lead.id()));
    processLinks.record(
        ProcessSubject.LEAD,
        lead.id(),
        processTask.getProcessInstanceKey(),
        processTask.getBpmnProcessId(),
        processTask.getElementId(),
        processTask.getName());
    engine.start(null, List.of("administrator"), null, Map.of());
    notifications.notify(
        new NotificationCommand(
            admin,
            "New lead assigned to you: Website inquiry",
            "Anna Keller, Nordwind GmbH",
            new ItemLink(ItemType.LEAD, lead.id()),
            null));
    notifications.notify(
        new NotificationCommand(
            admin,
            "Deal won: Server room cooling",
            null,
            new ItemLink(ItemType.DEAL, firstDeal),
            null));
    return new Ids(lead.id(), firstDeal, processTask.getUserTaskKey());
  }

  record Ids(long lead, long deal, long processTask) {}

  @Test
  void mainPages() throws IOException {
    Files.createDirectories(DIR);
    Ids ids = sampleData();
    shoot("home", "/", LAPTOP, null);
    shoot("leads", "/leads", LAPTOP, null);
    shoot("lead-card", "/leads/" + ids.lead(), LAPTOP, null);
    shoot("deal-board", "/deals", LAPTOP, null);
    shoot("deal-card", "/deals/" + ids.deal(), LAPTOP, null);
    shoot("tasks", "/tasks", LAPTOP, null);
    shoot("process-task", "/tasks/process/" + ids.processTask(), LAPTOP, null);
    shoot("notifications", "/notifications", LAPTOP, null);
    shoot(
        "deal-list",
        "/deals/list?cols=title&cols=stage&cols=amount&cols=probability",
        LAPTOP,
        null);
    shoot("contact-new", "/contacts/new", LAPTOP, null);
    shoot("products", "/products", LAPTOP, null);
    shoot("admin-role", "/admin/roles/manager", LAPTOP, null);
    shoot("deal-board-phone", "/deals", PHONE, null);
    shoot("lead-card-phone-pl", "/leads/" + ids.lead() + "?lang=pl", PHONE, null);
    open("/?lang=en");
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
    browser.manage().deleteAllCookies();
    shoot("login", "/login", LAPTOP, "#username");
  }

  /** The report pages (issue 9) on a month of two managers' deals in the default pipeline. */
  @Test
  void reportPages() throws IOException {
    long kim =
        users.create(new UserCommand("kim" + System.nanoTime(), "Kim Novak", null, true)).id();
    long tom =
        users.create(new UserCommand("tom" + System.nanoTime(), "Tom Berg", null, true)).id();
    Object[][] month = {
      {"Fleet service contract", "84000", kim, "WON"},
      {"Printer lease", "6200", kim, "WON"},
      {"Shop fitting", "41000", kim, "NEGOTIATION"},
      {"Kiosk screens", "12500", kim, "LOST"},
      {"Cold storage", "57000", tom, "WON"},
      {"Forklift batteries", "9400", tom, "OFFER"},
      {"Rooftop signage", "15800", tom, "LOST"},
      {"Staff lockers", "3100", tom, "NEW"}
    };
    for (Object[] d : month) {
      long id =
          deals
              .create(
                  new DealCommand(
                      (String) d[0],
                      null,
                      null,
                      new BigDecimal((String) d[1]),
                      "EUR",
                      null,
                      null,
                      null,
                      (Long) d[2],
                      null,
                      null,
                      null,
                      null))
              .id();
      if (d[3].equals("LOST") || d[3].equals("WON")) {
        deals.moveToStage(id, "OFFER");
      }
      if (!d[3].equals("NEW")) {
        deals.moveToStage(id, (String) d[3]);
      }
    }
    shoot("reports", "/reports", LAPTOP, null);
    shoot("report-managers", "/reports/managers", LAPTOP, "[data-testid=report-table]");
    shoot("report-funnel", "/reports/funnel?pipelineId=1", LAPTOP, "[data-testid=funnel-pipeline]");
    shoot(
        "report-managers-pie", "/reports/managers?chart=PIE", LAPTOP, "[data-testid=report-table]");
    shoot(
        "report-funnel-phone-pl",
        "/reports/funnel?pipelineId=1&lang=pl",
        PHONE,
        "[data-testid=funnel-pipeline]");
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
