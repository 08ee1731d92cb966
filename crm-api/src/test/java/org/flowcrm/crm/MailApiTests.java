package org.flowcrm.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flowcrm.crm.link.ItemType;
import org.flowcrm.crm.mail.MailRequest;
import org.flowcrm.crm.mail.MailService;
import org.flowcrm.crm.mail.MissingRecipientException;
import org.flowcrm.crm.mail.OutboundMailView;
import org.flowcrm.crm.permission.SystemUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import tools.jackson.databind.JsonNode;

/** Templates, sending through a real SMTP server (GreenMail), the mail record and the timeline. */
class MailApiTests extends ApiTest {

  @Autowired MailService mailService;
  @Autowired JavaMailSenderImpl smtp;
  @Autowired SystemUser systemUser;

  @Test
  void theTemplatesTheProcessesSendExistByDefault() throws Exception {
    JsonNode templates = getJson("/api/v1/mail-templates");
    List<String> codes = new ArrayList<>();
    templates.forEach(t -> codes.add(t.get("code").asString()));
    assertThat(codes)
        .contains("deal.quote", "deal.invoice", "deal.payment-reminder", "deal.delivery-confirmed");
  }

  @Test
  void aTemplateThatDoesNotParseIsRefusedNamingTheFieldAndFreemarkersMessage() throws Exception {
    send(post("/api/v1/mail-templates"), template("t" + unique(), "Hi ${name", "<p>ok</p>"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("subject"))
        .andExpect(jsonPath("$.errors[0].message", containsString("line 1")));
    send(
            post("/api/v1/mail-templates"),
            template("t" + unique(), "Hi", "<#if deal??><p>unclosed</p>"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("body"))
        .andExpect(jsonPath("$.errors[0].message", containsString("not a valid Freemarker")));
    send(post("/api/v1/mail-templates"), template("Bad Code", "Hi", "<p>x</p>"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("code"));
  }

  @Test
  void templatesAreEditedWithOptimisticLocking() throws Exception {
    String code = "custom." + unique();
    JsonNode created =
        create("/api/v1/mail-templates", template(code, "Hello ${lead.title}", "<p>Hi</p>"));
    String url = "/api/v1/mail-templates/" + created.get("id").asLong();
    assertThat(created.get("locale").asString()).isEqualTo("en");

    send(
            put(url).header("If-Match", "\"" + created.get("version").asLong() + "\""),
            template(code, "Hello again ${lead.title}", "<p>Hi</p>"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.subject").value("Hello again ${lead.title}"));
    send(
            put(url).header("If-Match", "\"" + created.get("version").asLong() + "\""),
            template(code, "Stale", "<p>Hi</p>"))
        .andExpect(status().isPreconditionFailed());
    send(post("/api/v1/mail-templates"), template(code, "Twin", "<p>x</p>"))
        .andExpect(status().isConflict());
    mvc.perform(delete(url).header("If-Match", "*")).andExpect(status().isNoContent());
    mvc.perform(get(url)).andExpect(status().isNotFound());
  }

  @Test
  void sendingAnInvoiceMailsThePayerWithThePdfOnceAndLogsItOnTheTimeline() throws Exception {
    String address = "payer-" + unique() + "@example.com";
    JsonNode invoice = invoice(address, "Ada");
    long id = invoice.get("id").asLong();
    String number = invoice.get("number").asString();

    JsonNode mail =
        read(
            mvc.perform(post("/api/v1/invoices/" + id + "/send").header("Idempotency-Key", "k1"))
                .andExpect(status().isOk())
                .andReturn());
    JsonNode again =
        read(
            mvc.perform(post("/api/v1/invoices/" + id + "/send").header("Idempotency-Key", "k1"))
                .andExpect(status().isOk())
                .andReturn());

    assertThat(again.get("id").asLong()).isEqualTo(mail.get("id").asLong());
    assertThat(mail.get("status").asString()).isEqualTo("SENT");
    assertThat(mail.get("attachments").get(0).asString()).isEqualTo(number + ".pdf");
    List<MimeMessage> received = TestMailCatcher.to(address);
    assertThat(received).hasSize(1);
    MimeMessage message = received.get(0);
    assertThat(message.getSubject()).isEqualTo("Invoice " + number);
    String html = htmlOf(message);
    assertThat(html).contains("Dear Ada Payer").contains("338.00 EUR");
    byte[] pdf = attachmentOf(message);
    assertThat(InvoicePdfTests.text(pdf)).contains(number).contains("338.00");

    assertThat(getJson("/api/v1/invoices/" + id).get("status").asString()).isEqualTo("SENT");
    JsonNode timeline = getJson("/api/v1/activities?itemType=INVOICE&itemId=" + id);
    assertThat(timeline.get("items")).hasSize(1);
    assertThat(timeline.get("items").get(0).get("type").asString()).isEqualTo("EMAIL");
    assertThat(timeline.get("items").get(0).get("completed").asBoolean()).isTrue();
    assertThat(timeline.get("items").get(0).get("description").asString())
        .contains("To: " + address)
        .contains("Attached: " + number + ".pdf");
    assertThat(timeline.get("items").get(0).get("subject").asString())
        .isEqualTo("Invoice " + number);
    assertThat(getJson("/api/v1/mails?itemType=INVOICE&itemId=" + id)).hasSize(1);

    // without a key every click sends
    mvc.perform(post("/api/v1/invoices/" + id + "/send")).andExpect(status().isOk());
    assertThat(TestMailCatcher.to(address)).hasSize(2);
  }

  @Test
  void valuesAreEscapedInTheHtmlBody() throws Exception {
    String address = "escape-" + unique() + "@example.com";
    JsonNode invoice = invoice(address, "<script>alert(1)</script>");
    mvc.perform(post("/api/v1/invoices/" + invoice.get("id").asLong() + "/send"))
        .andExpect(status().isOk());
    String html = htmlOf(TestMailCatcher.to(address).get(0));
    assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>");
  }

  @Test
  void aQuoteForADealIsMailedToItsContactAndBecomesSent() throws Exception {
    String address = "quote-" + unique() + "@example.com";
    long contact = contact("Quinn", address);
    long deal =
        create(
                "/api/v1/deals",
                Map.of(
                    "title",
                    "Roof " + unique(),
                    "contactIds",
                    List.of(contact),
                    "rows",
                    List.of(Map.of("name", "Tiles", "quantity", 3, "price", 40))))
            .get("id")
            .asLong();
    JsonNode quote = create("/api/v1/deals/" + deal + "/quotes", "");

    // as the send-mail job worker does it
    OutboundMailView mail =
        systemUser.runAs(
            () ->
                mailService.send(
                    new MailRequest(
                        "deal.quote",
                        ItemType.DEAL,
                        deal,
                        quote.get("id").asLong(),
                        null,
                        null,
                        "job-" + unique())));

    assertThat(mail.recipients()).containsExactly(address);
    MimeMessage message = TestMailCatcher.to(address).get(0);
    assertThat(message.getSubject()).contains(quote.get("number").asString()).contains("Roof");
    assertThat(htmlOf(message)).contains("Tiles").contains("120.00");
    assertThat(mail.attachments()).containsExactly(quote.get("number").asString() + ".pdf");
    assertThat(getJson("/api/v1/quotes/" + quote.get("id").asLong()).get("status").asString())
        .isEqualTo("SENT");
    assertThat(getJson("/api/v1/activities?itemType=DEAL&itemId=" + deal).get("items")).hasSize(1);
  }

  @Test
  void aRecordWithoutAnAddressNeedsARecipient() throws Exception {
    long deal = create("/api/v1/deals", Map.of("title", "Silent " + unique())).get("id").asLong();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                systemUser.runAs(
                    () ->
                        mailService.send(
                            new MailRequest(
                                "deal.delivery-confirmed",
                                ItemType.DEAL,
                                deal,
                                null,
                                null,
                                null,
                                "job-" + unique()))))
        .isInstanceOf(MissingRecipientException.class)
        .hasMessageContaining("recipient");
    send(
            post("/api/v1/mails"),
            Map.of("template", "deal.delivery-confirmed", "entityType", "DEAL", "entityId", deal))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("recipient"));
    send(
            post("/api/v1/mails"),
            Map.of(
                "template",
                "deal.delivery-confirmed",
                "entityType",
                "DEAL",
                "entityId",
                deal,
                "recipient",
                "not an address"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("recipient"));
  }

  @Test
  void theSandboxRefusesJavaAccessFromATemplate() throws Exception {
    String address = "sandbox-" + unique() + "@example.com";
    long deal = create("/api/v1/deals", Map.of("title", "Sandbox " + unique())).get("id").asLong();
    for (String body :
        List.of(
            "<p>${\"freemarker.template.utility.Execute\"?new()(\"id\")}</p>",
            "<p>${deal?api.getClass()}</p>")) {
      String code = "evil." + unique();
      create("/api/v1/mail-templates", template(code, "Hi", body));
      send(
              post("/api/v1/mails"),
              Map.of(
                  "template", code, "entityType", "DEAL", "entityId", deal, "recipient", address))
          .andExpect(status().isUnprocessableContent())
          .andExpect(jsonPath("$.errors[0].field").value("template"));
    }
    assertThat(TestMailCatcher.to(address)).isEmpty();
  }

  @Test
  void aRefusedMailIsRecordedFailedAndTheSameKeySendsItLater() throws Exception {
    String address = "retry-" + unique() + "@example.com";
    JsonNode invoice = invoice(address, "Rita");
    String url = "/api/v1/invoices/" + invoice.get("id").asLong() + "/send";
    int port = smtp.getPort();
    smtp.setPort(1); // nothing listens there
    try {
      mvc.perform(post(url).header("Idempotency-Key", "retry"))
          .andExpect(status().isBadGateway())
          .andExpect(jsonPath("$.detail", containsString("could not be sent")));
    } finally {
      smtp.setPort(port);
    }
    JsonNode failed =
        getJson("/api/v1/mails?itemType=INVOICE&itemId=" + invoice.get("id").asLong()).get(0);
    assertThat(failed.get("status").asString()).isEqualTo("FAILED");
    assertThat(failed.get("error").asString()).isNotBlank();

    mvc.perform(post(url).header("Idempotency-Key", "retry"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("SENT"))
        .andExpect(jsonPath("$.id").value(failed.get("id").asLong()));
    assertThat(TestMailCatcher.to(address)).hasSize(1);
  }

  @Test
  void sendingNeedsTheRightToChangeTheRecordAndListingTheRightToReadIt() throws Exception {
    String reader = "INVOICE_READER" + unique().toUpperCase();
    create("/api/v1/roles", Map.of("code", reader, "name", "Invoice reader"));
    send(
            put("/api/v1/roles/" + reader + "/permissions"),
            List.of(Map.of("entity", "INVOICE", "action", "READ", "scope", "ALL")))
        .andExpect(status().isOk());
    TestUser auditor = signInUser(null, reader);
    TestUser manager = signInUser(null, "MANAGER");
    String address = "guarded-" + unique() + "@example.com";
    JsonNode invoice = invoice(address, "Gus"); // the administrator's
    long id = invoice.get("id").asLong();

    // may read it, not change it: he sees its mails and PDF but cannot send it
    mvc.perform(post("/api/v1/invoices/" + id + "/send").with(as(auditor)))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.action").value("UPDATE"))
        .andExpect(jsonPath("$.entity").value("INVOICE"));
    send(
            post("/api/v1/mails").with(as(auditor)),
            Map.of("template", "deal.invoice", "entityType", "INVOICE", "entityId", id))
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/v1/mails?itemType=INVOICE&itemId=" + id).with(as(auditor)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(0));
    mvc.perform(get("/api/v1/invoices/" + id + "/pdf").with(as(auditor)))
        .andExpect(status().isOk());

    // cannot even read it: it does not exist for him, with the same message as a missing id
    mvc.perform(post("/api/v1/invoices/" + id + "/send").with(as(manager)))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/mails?itemType=INVOICE&itemId=" + id).with(as(manager)))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/invoices/" + id + "/pdf").with(as(manager)))
        .andExpect(status().isNotFound());

    assertThat(TestMailCatcher.to(address)).isEmpty();
    assertThat(getJson("/api/v1/invoices/" + id).get("status").asString()).isEqualTo("DRAFT");
    assertThat(getJson("/api/v1/activities?itemType=INVOICE&itemId=" + id).get("items")).isEmpty();

    // a manager mails about his own deal; its quote is his as well
    String own = "own-" + unique() + "@example.com";
    long deal =
        create(
                "/api/v1/deals",
                Map.of(
                    "title",
                    "Own " + unique(),
                    "responsibleId",
                    manager.id(),
                    "contactIds",
                    List.of(contact("Olga", own))))
            .get("id")
            .asLong();
    send(
            post("/api/v1/mails").with(as(manager)),
            Map.of("template", "deal.quote", "entityType", "DEAL", "entityId", deal))
        // the contact is the administrator's: not his to read, so not his to mail either
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("recipient"));
    send(
            post("/api/v1/mails").with(as(manager)),
            Map.of(
                "template", "deal.quote", "entityType", "DEAL", "entityId", deal, "recipient", own))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("SENT"));
    assertThat(TestMailCatcher.to(own)).hasSize(1);
  }

  @Test
  void everyUserReadsTheTemplatesButOnlyAnAdministratorChangesThem() throws Exception {
    TestUser manager = signInUser(null, "MANAGER");
    JsonNode created =
        create("/api/v1/mail-templates", template("custom." + unique(), "Hi", "<p>Hi</p>"));
    String url = "/api/v1/mail-templates/" + created.get("id").asLong();

    mvc.perform(get("/api/v1/mail-templates").with(as(manager))).andExpect(status().isOk());
    mvc.perform(get(url).with(as(manager))).andExpect(status().isOk());
    send(
            post("/api/v1/mail-templates").with(as(manager)),
            template("custom." + unique(), "Hi", "<p>x</p>"))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.entity").value("MAIL_TEMPLATES"))
        .andExpect(jsonPath("$.detail", containsString("administrator")));
    send(
            put(url).header("If-Match", "*").with(as(manager)),
            template(created.get("code").asString(), "Changed", "<p>x</p>"))
        .andExpect(status().isForbidden());
    mvc.perform(delete(url).header("If-Match", "*").with(as(manager)))
        .andExpect(status().isForbidden());
    assertThat(getJson(url).get("subject").asString()).isEqualTo("Hi");
  }

  private JsonNode invoice(String address, String firstName) throws Exception {
    long contact = contact(firstName, address);
    Map<String, Object> body = new HashMap<>();
    body.put("title", "Service " + unique());
    body.put("contactId", contact);
    body.put("currency", "EUR");
    body.put(
        "rows",
        List.of(
            Map.of("name", "Setup", "quantity", 1, "price", 200, "taxPercent", 19),
            Map.of("name", "Training", "quantity", 2, "price", 50)));
    return create("/api/v1/invoices", body);
  }

  private long contact(String firstName, String address) throws Exception {
    return create(
            "/api/v1/contacts",
            Map.of(
                "firstName",
                firstName,
                "lastName",
                "Payer",
                "emails",
                List.of(Map.of("type", "WORK", "value", address))))
        .get("id")
        .asLong();
  }

  private static Map<String, Object> template(String code, String subject, String body) {
    Map<String, Object> t = new HashMap<>();
    t.put("code", code);
    t.put("name", "Test " + code);
    t.put("subject", subject);
    t.put("body", body);
    return t;
  }

  private static String htmlOf(Part part) throws Exception {
    if (part.isMimeType("text/html")) {
      return (String) part.getContent();
    }
    if (part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        String html = htmlOf(multipart.getBodyPart(i));
        if (html != null) {
          return html;
        }
      }
    }
    return null;
  }

  private static byte[] attachmentOf(Part part) throws Exception {
    if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())
        || part.isMimeType("application/pdf")) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      part.getInputStream().transferTo(out);
      return out.toByteArray();
    }
    if (part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        byte[] found = attachmentOf(child);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }
}
