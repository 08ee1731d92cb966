package org.flowcrm.ui.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.flowcrm.ui.security.Payloads.ALL;
import static org.flowcrm.ui.security.Payloads.EL;
import static org.flowcrm.ui.security.Payloads.FORMULA;
import static org.flowcrm.ui.security.Payloads.SPEL;
import static org.flowcrm.ui.security.Payloads.SQL;
import static org.flowcrm.ui.security.Payloads.assertHarmless;
import static org.flowcrm.ui.security.Payloads.assertShown;
import static org.flowcrm.ui.security.Payloads.cut;
import static org.flowcrm.ui.security.Payloads.fill;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.flowcrm.crm.activity.ActivityCommand;
import org.flowcrm.crm.activity.ActivityService;
import org.flowcrm.crm.activity.ActivityType;
import org.flowcrm.crm.company.AddressType;
import org.flowcrm.crm.company.CompanyCommand;
import org.flowcrm.crm.company.CompanyService;
import org.flowcrm.crm.contact.ContactCommand;
import org.flowcrm.crm.contact.ContactService;
import org.flowcrm.crm.customfield.CustomFieldCommand;
import org.flowcrm.crm.customfield.CustomFieldService;
import org.flowcrm.crm.customfield.CustomFieldType;
import org.flowcrm.crm.customfield.CustomizableEntity;
import org.flowcrm.crm.deal.DealCommand;
import org.flowcrm.crm.deal.DealService;
import org.flowcrm.crm.deal.PipelineCommand;
import org.flowcrm.crm.deal.PipelineCommand.StageCommand;
import org.flowcrm.crm.deal.PipelineService;
import org.flowcrm.crm.deal.StageSemantic;
import org.flowcrm.crm.invoice.InvoiceCommand;
import org.flowcrm.crm.invoice.InvoicePdf;
import org.flowcrm.crm.invoice.InvoiceService;
import org.flowcrm.crm.lead.LeadCommand;
import org.flowcrm.crm.lead.LeadService;
import org.flowcrm.crm.lead.LeadSource;
import org.flowcrm.crm.link.ItemType;
import org.flowcrm.crm.mail.MailRequest;
import org.flowcrm.crm.mail.MailService;
import org.flowcrm.crm.mail.MailTemplateCommand;
import org.flowcrm.crm.mail.MailTemplateService;
import org.flowcrm.crm.mailing.MailingCommand;
import org.flowcrm.crm.mailing.MailingService;
import org.flowcrm.crm.product.ProductCommand;
import org.flowcrm.crm.product.ProductService;
import org.flowcrm.crm.product.SectionCommand;
import org.flowcrm.crm.quote.QuoteCommand;
import org.flowcrm.crm.quote.QuotePdf;
import org.flowcrm.crm.quote.QuoteService;
import org.flowcrm.crm.shared.EmailType;
import org.flowcrm.crm.shared.PhoneType;
import org.flowcrm.crm.task.TaskCommand;
import org.flowcrm.crm.task.TaskService;
import org.flowcrm.crm.user.DepartmentCommand;
import org.flowcrm.crm.user.DepartmentService;
import org.flowcrm.crm.user.UserCommand;
import org.flowcrm.crm.user.UserService;
import org.flowcrm.crm.webform.LeadField;
import org.flowcrm.crm.webform.WebFormCommand;
import org.flowcrm.crm.webform.WebFormService;
import org.flowcrm.ui.SignedInHttp;
import org.flowcrm.ui.UiMailCatcher;
import org.flowcrm.ui.UiTestApplication;
import org.flowcrm.ui.process.RecordingProcessDeployments;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Issue #6: injection and XSS attempts in every text field come back harmless wherever a user sees
 * them. For each payload of {@link Payloads} one record of every kind is stored through the CRM's
 * services as the administrator (with the services' own validation), every text field of its
 * command holding the payload; then every page that prints those records is fetched over HTTP as a
 * signed-in user and parsed with jsoup the way a browser parses it, the PDFs are read back with
 * PDFBox, the mails are caught by GreenMail and the CSV exports are parsed.
 */
@SpringBootTest(classes = UiTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class InjectionAndEscapingIT {

  /**
   * The command records whose text fields this test fills. A command added to crm-api later fails
   * {@link #everyCommandIsFilledOrSaysWhyNot} until it is filled here or listed in {@link
   * #NOT_SHOWN} with the reason.
   */
  private static final Set<String> FILLED_COMMANDS =
      Set.of(
          "LeadCommand",
          "ContactCommand",
          "CompanyCommand",
          "DealCommand",
          "PipelineCommand",
          "StageCommand",
          "ProductCommand",
          "SectionCommand",
          "QuoteCommand",
          "InvoiceCommand",
          "ActivityCommand",
          "TaskCommand",
          "UserCommand",
          "DepartmentCommand",
          "CustomFieldCommand",
          "WebFormCommand",
          "MailTemplateCommand");

  /** Commands whose text is not printed back to a user, or not yet covered, and why. */
  private static final Map<String, String> NOT_SHOWN =
      Map.ofEntries(
          Map.entry("ApiTokenCommand", "token names have no page yet (API only, JSON)"),
          Map.entry("AssignmentRuleCommand", "not covered yet: the rules page"),
          Map.entry("ConversionCommand", "ids and flags only"),
          Map.entry("CurrencyCommand", "codes and rates, pattern-restricted"),
          Map.entry("LeadStatusCommand", "not covered yet: status names in lead lists"),
          Map.entry("ListViewCommand", "not covered yet: saved view names"),
          Map.entry("MailRequest", "template code and record reference, no free text"),
          Map.entry("MailingCommand", "template code, ids and a JSON filter, no free text"),
          Map.entry("MergeCommand", "ids and versions only"),
          Map.entry("NotificationCommand", "ids only (notifications quote records already filled)"),
          Map.entry("StoreOrderCommand", "not covered yet: orders arrive as deals (DealCommand)"),
          Map.entry("RoleCommand", "not covered yet: role names on the roles page"),
          Map.entry("BulkCommand", "ids and an action, no free text"),
          Map.entry("ListRequest", "paging parameters"),
          Map.entry("WebhookCommand", "not covered yet: webhook URLs (API only, JSON)"));

  @LocalServerPort int port;
  @Autowired RecordingProcessDeployments deployments;
  @Autowired UserDetailsService userDetails;
  @Autowired JdbcTemplate jdbc;
  @Autowired LeadService leads;
  @Autowired ContactService contacts;
  @Autowired CompanyService companies;
  @Autowired DealService deals;
  @Autowired PipelineService pipelines;
  @Autowired ProductService products;
  @Autowired QuoteService quotes;
  @Autowired InvoiceService invoices;
  @Autowired ActivityService activities;
  @Autowired TaskService tasks;
  @Autowired UserService users;
  @Autowired DepartmentService departments;
  @Autowired CustomFieldService customFields;
  @Autowired WebFormService webForms;
  @Autowired MailTemplateService mailTemplates;
  @Autowired MailService mails;
  @Autowired MailingService mailings;
  @Autowired InvoicePdf invoicePdf;
  @Autowired QuotePdf quotePdf;

  private SignedInHttp http;

  /** The records of one payload, by what the pages call them. */
  private record Stored(
      String payload,
      long lead,
      long contact,
      long company,
      long deal,
      long pipeline,
      long product,
      long quote,
      long invoice,
      long task,
      long user,
      long department,
      long customField,
      long webForm,
      String webFormToken,
      long mailTemplate,
      String templateCode,
      String email) {}

  @BeforeEach
  void signIn() throws Exception {
    deployments.reset();
    UserDetails admin = userDetails.loadUserByUsername(SignedInHttp.ADMIN);
    SecurityContextHolder.getContext()
        .setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities()));
    http = new SignedInHttp(port).signIn();
  }

  @AfterEach
  void signOut() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void everyCommandIsFilledOrSaysWhyNot() {
    ClassPathScanningCandidateComponentProvider scan =
        new ClassPathScanningCandidateComponentProvider(false);
    scan.addIncludeFilter(new AssignableTypeFilter(Record.class));
    Set<String> commands = new TreeSet<>();
    scan.findCandidateComponents("org.flowcrm.crm").stream()
        .map(b -> b.getBeanClassName().replaceAll(".*[.$]", ""))
        .filter(n -> n.endsWith("Command") || n.endsWith("Request"))
        .forEach(commands::add);
    Set<String> accounted = new TreeSet<>(FILLED_COMMANDS);
    accounted.addAll(NOT_SHOWN.keySet());
    assertThat(commands).as("command records of crm-api").isNotEmpty();
    assertThat(accounted).as("every command is filled or says why not").containsAll(commands);
  }

  @Test
  void payloadsInEveryTextFieldComeBackHarmlessInPagesPdfsMailsAndExports() throws Exception {
    long admin = jdbc.queryForObject("select id from crm_user where login = 'admin'", Long.class);
    String run = Long.toString(System.nanoTime(), 36);
    List<Stored> stored = new ArrayList<>();
    for (int n = 0; n < ALL.size(); n++) {
      stored.add(store(ALL.get(n), n, run, admin));
    }

    int pages = 0;
    for (Stored s : stored) {
      String p = s.payload();
      pages += check("/leads/" + s.lead(), cut(p, 255), cut(p, 100), cut(p, 10000));
      pages += check("/contacts/" + s.contact(), cut(p, 100), cut(p, 150));
      pages += check("/companies/" + s.company(), cut(p, 255), cut(p, 100));
      pages += check("/deals/" + s.deal(), cut(p, 255), cut(p, 10000));
      pages += check("/deals?pipeline=" + s.pipeline(), cut(p, 100), cut(p, 255));
      pages += check("/products/" + s.product(), cut(p, 255));
      pages += check("/quotes/" + s.quote(), cut(p, 255));
      pages += check("/invoices/" + s.invoice(), cut(p, 255));
      pages += check("/tasks/" + s.task(), cut(p, 255));
      pages += check("/admin/users/" + s.user(), cut(p, 200));
      pages += check("/admin/departments/" + s.department(), cut(p, 200));
      pages += check("/admin/pipelines/" + s.pipeline(), cut(p, 100));
      pages += check("/admin/custom-fields/" + s.customField(), cut(p, 100));
      pages += check("/admin/web-forms/" + s.webForm(), cut(p, 255));
      pages += check("/admin/mail-templates/" + s.mailTemplate(), cut(p, 255));
      pages += checkPublicForm(s);
    }
    for (String list :
        List.of(
            "/",
            "/leads",
            "/contacts",
            "/companies",
            "/deals",
            "/deals/list",
            "/products",
            "/quotes",
            "/invoices",
            "/tasks",
            "/notifications",
            "/reports",
            "/reports/managers",
            "/reports/designer",
            "/admin",
            "/admin/users",
            "/admin/departments",
            "/admin/pipelines",
            "/admin/custom-fields",
            "/admin/web-forms",
            "/admin/mail-templates",
            "/admin/mailbox")) {
      pages += check(list);
    }

    int pdfs = 0;
    for (Stored s : stored) {
      String p = s.payload();
      assertPdfShows(invoicePdf.render(s.invoice()), "invoice PDF", cut(p, 255), cut(p, 100));
      assertPdfShows(quotePdf.render(s.quote()), "quote PDF", cut(p, 255), cut(p, 100));
      pdfs += 2;
    }

    int mailsChecked = checkMails(stored);
    int exports = checkExports(run);

    Stored sql = stored.get(ALL.indexOf(SQL));
    assertThat(contacts.get(sql.contact()).firstName()).as("stored verbatim").isEqualTo(SQL);
    assertThat(jdbc.queryForObject("select count(*) from crm_contact", Long.class)).isPositive();

    System.out.printf(
        "InjectionAndEscapingIT: %d payloads, %d text fields filled (%s), %d pattern-restricted"
            + " (%s), %d pages, %d PDFs, %d mails, %d CSV exports checked%n",
        ALL.size(),
        Payloads.FILLED.size(),
        Payloads.FILLED,
        Payloads.RESTRICTED.size(),
        Payloads.RESTRICTED,
        pages,
        pdfs,
        mailsChecked,
        exports);
  }

  private Stored store(String p, int n, String run, long admin) {
    String email = "xss-" + n + "-" + run + "@example.com";
    Map<String, Object> given = new HashMap<>();
    given.put("Phone.type", PhoneType.WORK);
    given.put("Phone.value", "+48 600 100 20" + n);
    given.put("Email.type", EmailType.WORK);
    given.put("Email.value", email);
    given.put("CompanyAddress.type", AddressType.LEGAL);
    given.put("ProductRow.productId", null);
    given.put("ProductRow.quantity", BigDecimal.ONE);
    given.put("ProductRow.price", BigDecimal.TEN);

    long user =
        users
            .create(
                fill(
                    UserCommand.class,
                    p,
                    with(
                        given,
                        "UserCommand.login",
                        "xss-" + n + "-" + run,
                        "UserCommand.active",
                        true)))
            .id();
    long department = departments.create(fill(DepartmentCommand.class, p, given)).id();

    String fieldCode = "xss" + n + run.substring(0, 4);
    long customField =
        customFields
            .create(
                fill(
                    CustomFieldCommand.class,
                    p,
                    with(
                        given,
                        "CustomFieldCommand.entity",
                        CustomizableEntity.LEAD,
                        "CustomFieldCommand.code",
                        fieldCode,
                        "CustomFieldCommand.type",
                        CustomFieldType.STRING)))
            .id();

    long company =
        companies
            .create(
                fill(CompanyCommand.class, p, with(given, "CompanyCommand.responsibleId", user)))
            .id();
    long contact =
        contacts
            .create(
                fill(
                    ContactCommand.class,
                    p,
                    with(
                        given,
                        "ContactCommand.companyIds",
                        List.of(company),
                        "ContactCommand.responsibleId",
                        user)))
            .id();
    long lead =
        leads
            .create(
                fill(
                    LeadCommand.class,
                    p,
                    with(
                        given,
                        "LeadCommand.source",
                        LeadSource.API,
                        "LeadCommand.status",
                        null,
                        "LeadCommand.responsibleId",
                        user,
                        "LeadCommand.customFields",
                        Map.of(fieldCode, cut(p, 100)))))
            .id();
    leads.addComment(lead, p);

    List<StageCommand> stages = new ArrayList<>();
    stages.add(stage(p, "NEW", StageSemantic.OPEN));
    stages.add(stage(p, "WON", StageSemantic.WON));
    stages.add(stage(p, "LOST", StageSemantic.LOST));
    long pipeline =
        pipelines
            .create(
                fill(
                    PipelineCommand.class,
                    p,
                    with(
                        given,
                        "PipelineCommand.stages",
                        stages,
                        "PipelineCommand.sortOrder",
                        90 + n)))
            .id();
    long section = products.createSection(fill(SectionCommand.class, p, given)).id();
    long product =
        products
            .create(
                fill(
                    ProductCommand.class,
                    p,
                    with(
                        given,
                        "ProductCommand.price",
                        BigDecimal.TEN,
                        "ProductCommand.sectionId",
                        section,
                        "ProductCommand.active",
                        true)))
            .id();
    long deal =
        deals
            .create(
                fill(
                    DealCommand.class,
                    p,
                    with(
                        given,
                        "DealCommand.pipelineId",
                        pipeline,
                        "DealCommand.responsibleId",
                        user,
                        "DealCommand.companyId",
                        company,
                        "DealCommand.contactIds",
                        List.of(contact))))
            .id();
    deals.addComment(deal, p);
    long quote =
        quotes
            .create(
                fill(
                    QuoteCommand.class,
                    p,
                    with(
                        given,
                        "QuoteCommand.contactId",
                        contact,
                        "QuoteCommand.companyId",
                        company)))
            .id();
    var invoice =
        invoices.create(
            fill(
                InvoiceCommand.class,
                p,
                with(
                    given,
                    "InvoiceCommand.contactId",
                    contact,
                    "InvoiceCommand.companyId",
                    company)));

    Map<String, Object> onTheLead =
        with(given, "ItemLink.type", ItemType.LEAD, "ItemLink.id", lead);
    activities.create(
        fill(
            ActivityCommand.class,
            p,
            with(
                onTheLead,
                "ActivityCommand.type",
                ActivityType.CALL,
                "ActivityCommand.startsAt",
                Instant.now())));
    long task =
        tasks
            .create(
                fill(
                    TaskCommand.class,
                    p,
                    with(
                        onTheLead,
                        "TaskCommand.responsibleId",
                        admin,
                        "TaskCommand.deadline",
                        Instant.now().plus(1, ChronoUnit.HOURS))))
            .id();

    var webForm =
        webForms.create(
            fill(
                WebFormCommand.class,
                p,
                with(
                    given,
                    "FormField.field",
                    LeadField.FIRST_NAME,
                    "WebFormCommand.buttonColor",
                    "#1a73e8",
                    "WebFormCommand.active",
                    true)));
    String templateCode = "xss-" + n + "-" + run;
    long mailTemplate =
        mailTemplates
            .create(
                fill(
                    MailTemplateCommand.class,
                    p,
                    with(
                        given,
                        "MailTemplateCommand.code",
                        templateCode,
                        "MailTemplateCommand.locale",
                        "en",
                        "MailTemplateCommand.subject",
                        "About ${contact.firstName}",
                        "MailTemplateCommand.body",
                        "<p>Dear ${contact.firstName} ${contact.lastName!},</p>"
                            + "<p>${contact.position!} ${contact.notes!}</p>")))
            .id();
    return new Stored(
        p,
        lead,
        contact,
        company,
        deal,
        pipeline,
        product,
        quote,
        invoice.id(),
        task,
        user,
        department,
        customField,
        webForm.id(),
        webForm.publicToken(),
        mailTemplate,
        templateCode,
        email);
  }

  private static StageCommand stage(String payload, String code, StageSemantic semantic) {
    return fill(
        StageCommand.class,
        payload,
        Map.of("StageCommand.code", code, "StageCommand.semantic", semantic));
  }

  private static Map<String, Object> with(Map<String, Object> given, Object... pairs) {
    Map<String, Object> map = new LinkedHashMap<>(given);
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }

  /** Fetches a page as the signed-in administrator; it is harmless and shows the texts. */
  private int check(String path, String... shown) throws Exception {
    HttpResponse<String> response = http.get(path);
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    Document page = Jsoup.parse(response.body(), http.url(path));
    assertHarmless(page, path);
    for (String text : shown) {
      assertShown(page, text, path);
    }
    assertNotEvaluated(page, path);
    return 1;
  }

  /** The public web form page, without signing in: labels, heading, consent and button. */
  private int checkPublicForm(Stored s) throws Exception {
    String path = "/public/forms/" + s.webFormToken();
    HttpResponse<String> response = new SignedInHttp(port).get(path);
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    Document page = Jsoup.parse(response.body(), http.url(path));
    assertHarmless(page, path);
    assertShown(page, cut(s.payload(), 100), path);
    assertShown(page, cut(s.payload(), 60), path);
    return 1;
  }

  /** {@code ${7*7}} and {@code #{7*7}} are printed, never evaluated to 49. */
  private static void assertNotEvaluated(Document page, String where) {
    String text = page.text();
    if (text.contains("7*7")) {
      assertThat(text).as(where).doesNotContain("$49").doesNotContain("#49");
    }
  }

  private static void assertPdfShows(byte[] pdf, String what, String... texts) throws Exception {
    String text;
    try (PDDocument document = Loader.loadPDF(pdf)) {
      text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
    }
    for (String expected : texts) {
      assertThat(text).as(what + " shows the text literally").contains(expected);
    }
    assertThat(text).as(what).doesNotContain("$49").doesNotContain("#49");
  }

  /**
   * A mail about the deal from a template that prints its contact's fields, the invoice mail (to
   * the same contact, the payer) and a group mailing to the contact: each HTML part is harmless and
   * shows the text literally.
   */
  private int checkMails(List<Stored> stored) throws Exception {
    for (Stored s : stored) {
      mails.send(
          new MailRequest(
              s.templateCode(),
              ItemType.DEAL,
              s.deal(),
              null,
              null,
              null,
              "xss-template-" + s.templateCode()));
      mails.sendInvoice(s.invoice(), null, null, "xss-invoice-" + s.templateCode());
      mailings.start(
          new MailingCommand(ItemType.CONTACT, s.templateCode(), null, List.of(s.contact()), null));
    }
    int checked = 0;
    for (Stored s : stored) {
      List<MimeMessage> received = waitForMails(s.email(), 3);
      for (MimeMessage mail : received) {
        String html = htmlPart(mail);
        assertThat(html).as("HTML part of %s", mail.getSubject()).isNotNull();
        Document page = Jsoup.parse(html);
        assertHarmless(page, "mail " + mail.getSubject());
        assertShown(page, cut(s.payload(), 100), "mail " + mail.getSubject());
        assertNotEvaluated(page, "mail " + mail.getSubject());
        checked++;
      }
    }
    return checked;
  }

  private static List<MimeMessage> waitForMails(String address, int count)
      throws InterruptedException {
    Instant until = Instant.now().plus(Duration.ofSeconds(30));
    List<MimeMessage> received = UiMailCatcher.to(address);
    while (received.size() < count && Instant.now().isBefore(until)) {
      Thread.sleep(200);
      received = UiMailCatcher.to(address);
    }
    assertThat(received).as("mails to " + address).hasSize(count);
    return received;
  }

  private static String htmlPart(Part part) throws Exception {
    if (part.isMimeType("text/html")) {
      return (String) part.getContent();
    }
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart body = multipart.getBodyPart(i);
        String html = htmlPart(body);
        if (html != null) {
          return html;
        }
      }
    }
    return null;
  }

  /**
   * The CSV exports a manager opens in a spreadsheet: the formula payload is in them, written with
   * a leading apostrophe; no cell starts with a formula character unless it is a number.
   */
  private int checkExports(String run) throws Exception {
    int checked = 0;
    for (String export :
        List.of(
            "/api/v1/leads/export",
            "/api/v1/contacts/export",
            "/api/v1/companies/export",
            "/api/v1/deals/export",
            "/api/v1/products/export")) {
      // The REST API takes HTTP Basic (or a token), not the pages' session.
      HttpResponse<String> response =
          new SignedInHttp(port)
              .get(
                  export,
                  "Authorization",
                  "Basic "
                      + java.util.Base64.getEncoder()
                          .encodeToString(
                              (SignedInHttp.ADMIN + ":" + SignedInHttp.ADMIN_PASSWORD)
                                  .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      assertThat(response.statusCode()).as(export).isEqualTo(200);
      List<CSVRecord> records =
          CSVFormat.RFC4180.parse(new StringReader(response.body())).getRecords();
      List<String> cells = records.stream().flatMap(r -> r.toList().stream()).toList();
      assertThat(cells).as("%s holds the formula payload as text", export).contains("'" + FORMULA);
      assertThat(cells)
          .as("%s: cells a spreadsheet would run", export)
          .noneMatch(c -> !c.isEmpty() && "=+-@\t\r".indexOf(c.charAt(0)) >= 0 && !isNumber(c));
      assertThat(cells).as(export).contains(SQL).contains(EL).contains(SPEL);
      checked++;
    }
    return checked;
  }

  private static boolean isNumber(String cell) {
    return cell.matches("[+-]?[0-9][0-9 ()./-]*");
  }

  private static String urlEncode(String text) {
    return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
  }
}
