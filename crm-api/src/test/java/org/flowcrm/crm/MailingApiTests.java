package org.flowcrm.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flowcrm.crm.mailing.MailingService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Group mailings against a real SMTP server (GreenMail): one mail per recipient rendered with his
 * fields, skips with their reasons, the timeline, the unsubscribe link, the scope of a manager and
 * the resume after a restart.
 */
class MailingApiTests extends ApiTest {

  private static final Pattern UNSUBSCRIBE =
      Pattern.compile("href=\"[^\"]*(/api/v1/public/unsubscribe/[A-Za-z0-9_-]+)\"");

  @Autowired MailingService mailingService;
  @Autowired JdbcClient jdbc;

  @Test
  void eachRecipientGetsHisOwnRenderedMailAndAnEmailEntryOnHisTimeline() throws Exception {
    String tag = "Mailtag" + unique();
    String template =
        template("Offer for ${recipient.firstName}", "<p>Dear ${contact.fullName},</p>");
    String ada = "ada-" + unique() + "@example.com";
    String bob = "bob-" + unique() + "@example.com";
    long adaId = contact("Ada", tag, ada, null);
    long bobId = contact("Bob", tag, bob, null);
    contact("Cid", tag, null, null);

    JsonNode started =
        read(
            send(post("/api/v1/mailings"), mailing("CONTACT", template, Map.of("q", tag)))
                .andExpect(status().isAccepted())
                .andReturn());
    assertThat(started.get("total").asInt()).isEqualTo(3);
    JsonNode done = awaitDone(started.get("id").asLong());

    assertThat(done.get("status").asString()).isEqualTo("DONE");
    assertThat(done.get("sent").asInt()).isEqualTo(2);
    assertThat(done.get("skippedNoEmail").asInt()).isEqualTo(1);
    assertThat(done.get("skippedUnsubscribed").asInt()).isZero();
    assertThat(done.get("failed").asInt()).isZero();
    assertThat(done.get("pending").asInt()).isZero();

    List<MimeMessage> toAda = TestMailCatcher.to(ada);
    assertThat(toAda).hasSize(1);
    assertThat(toAda.get(0).getSubject()).isEqualTo("Offer for Ada");
    assertThat(html(toAda.get(0))).contains("Dear Ada " + tag + ",");
    // the template has no unsubscribe link: the mailing adds one, and the header for mail programs
    assertThat(html(toAda.get(0))).containsPattern(UNSUBSCRIBE);
    assertThat(toAda.get(0).getHeader("List-Unsubscribe")[0])
        .contains("/api/v1/public/unsubscribe/");
    List<MimeMessage> toBob = TestMailCatcher.to(bob);
    assertThat(toBob).hasSize(1);
    assertThat(toBob.get(0).getSubject()).isEqualTo("Offer for Bob");
    assertThat(html(toBob.get(0))).contains("Dear Bob " + tag + ",").doesNotContain("Ada");
    assertThat(unsubscribePath(toAda.get(0))).isNotEqualTo(unsubscribePath(toBob.get(0)));

    JsonNode timeline = getJson("/api/v1/activities?itemType=CONTACT&itemId=" + adaId);
    assertThat(timeline.get("items")).hasSize(1);
    assertThat(timeline.get("items").get(0).get("type").asString()).isEqualTo("EMAIL");
    assertThat(timeline.get("items").get(0).get("subject").asString()).isEqualTo("Offer for Ada");
    assertThat(timeline.get("items").get(0).get("description").asString()).contains("To: " + ada);
    assertThat(getJson("/api/v1/activities?itemType=CONTACT&itemId=" + bobId).get("items"))
        .hasSize(1);
  }

  @Test
  void anUnsubscribedRecipientIsSkippedByTheNextMailing() throws Exception {
    String tag = "Unsubtag" + unique();
    String template =
        template(
            "News for ${lead.title}",
            "<p>Hello ${recipient.firstName}</p><p><a href=\"${unsubscribeUrl}\">No more news</a></p>");
    String eve = "eve-" + unique() + "@example.com";
    String max = "max-" + unique() + "@example.com";
    long eveId = lead("Eve", tag, eve);
    lead("Max", tag, max);

    awaitDone(start(mailing("LEAD", template, Map.of("q", tag))));
    assertThat(TestMailCatcher.to(eve)).hasSize(1);
    MimeMessage mail = TestMailCatcher.to(eve).get(0);
    assertThat(html(mail)).contains("No more news").doesNotContain("You receive this mail");
    String link = unsubscribePath(mail);

    // the public page, without signing in: it asks first and names no internal id
    String page =
        mvc.perform(get(link).with(signedOut()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("e***@example.com").contains("<form method=\"post\"");
    assertThat(page).doesNotContainPattern("\\b" + eveId + "\\b").doesNotContain(eve);
    String confirmed =
        mvc.perform(post(link).with(signedOut()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(confirmed).contains("will get no more mails");
    mvc.perform(get("/api/v1/public/unsubscribe/made-up-token").with(signedOut()))
        .andExpect(status().isNotFound());

    JsonNode second = awaitDone(start(mailing("LEAD", template, Map.of("q", tag))));
    assertThat(second.get("total").asInt()).isEqualTo(2);
    assertThat(second.get("sent").asInt()).isEqualTo(1);
    assertThat(second.get("skippedUnsubscribed").asInt()).isEqualTo(1);
    assertThat(TestMailCatcher.to(eve)).hasSize(1);
    assertThat(TestMailCatcher.to(max)).hasSize(2);
    // the opt-out holds for the address, also when it turns up as a contact
    long eveContact = contact("Eve", tag + "c", eve, null);
    JsonNode third =
        awaitDone(
            start(mailing("CONTACT", template("Hi", "<p>Hi</p>"), null, List.of(eveContact))));
    assertThat(third.get("skippedUnsubscribed").asInt()).isEqualTo(1);
    assertThat(TestMailCatcher.to(eve)).hasSize(1);
  }

  @Test
  void aManagerMailsOnlyTheRecordsHeMayRead() throws Exception {
    long department = createDepartment("Mailing", null);
    TestUser manager = signInUser(department, "MANAGER");
    TestUser colleague = signInUser(department, "MANAGER");
    String tag = "Scopetag" + unique();
    String mine = "mine-" + unique() + "@example.com";
    String theirs = "theirs-" + unique() + "@example.com";
    contact("Own", tag, mine, manager.id());
    long theirsId = contact("Other", tag, theirs, colleague.id());
    String template = template("For ${recipient.firstName}", "<p>x</p>");

    JsonNode started =
        read(
            mvc.perform(
                    post("/api/v1/mailings")
                        .with(as(manager))
                        .contentType("application/json")
                        .content(toJson(mailing("CONTACT", template, Map.of("q", tag)))))
                .andExpect(status().isAccepted())
                .andReturn());
    assertThat(started.get("total").asInt()).isEqualTo(1);
    long id = started.get("id").asLong();
    awaitDone(id);
    assertThat(TestMailCatcher.to(mine)).hasSize(1);
    assertThat(TestMailCatcher.to(theirs)).isEmpty();

    // a colleague's contact picked by id is as unknown as when read alone
    mvc.perform(
            post("/api/v1/mailings")
                .with(as(manager))
                .contentType("application/json")
                .content(toJson(mailing("CONTACT", template, null, List.of(theirsId)))))
        .andExpect(status().isNotFound());
    // the mailing is his: the colleague does not see it, the administrator does
    mvc.perform(get("/api/v1/mailings/" + id).with(as(colleague))).andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/mailings/" + id).with(as(manager))).andExpect(status().isOk());
    assertThat(getJson("/api/v1/mailings/" + id).get("sent").asInt()).isEqualTo(1);
    JsonNode listed = read(mvc.perform(get("/api/v1/mailings").with(as(colleague))).andReturn());
    listed.forEach(m -> assertThat(m.get("id").asLong()).isNotEqualTo(id));
  }

  @Test
  void aMailingInterruptedByARestartSendsOnlyWhatWasStillPending() throws Exception {
    String tag = "Resumetag" + unique();
    String first = "first-" + unique() + "@example.com";
    String second = "second-" + unique() + "@example.com";
    long firstId = contact("First", tag, first, null);
    long secondId = contact("Second", tag, second, null);
    String template = template("Resumed ${recipient.firstName}", "<p>x</p>");
    // what a shutdown leaves: the mailing RUNNING, one recipient done, the other PENDING
    long admin =
        jdbc.sql("SELECT id FROM crm_user WHERE login = 'admin'").query(Long.class).single();
    jdbc.sql(
            "INSERT INTO crm_mailing (entity_type, template_code, status, created_by, created_at)"
                + " VALUES ('CONTACT', :template, 'RUNNING', :admin, NOW(6))")
        .param("template", template)
        .param("admin", admin)
        .update();
    long id =
        jdbc.sql("SELECT MAX(id) FROM crm_mailing WHERE template_code = :template")
            .param("template", template)
            .query(Long.class)
            .single();
    jdbc.sql(
            "INSERT INTO crm_mailing_recipient (mailing_id, entity_id, status, email) VALUES"
                + " (:id, :first, 'SENT', :email), (:id, :second, 'PENDING', NULL)")
        .param("id", id)
        .param("first", firstId)
        .param("second", secondId)
        .param("email", first)
        .update();

    assertThat(mailingService.resumeUnfinished()).isGreaterThanOrEqualTo(1);
    JsonNode done = awaitDone(id);

    assertThat(done.get("sent").asInt()).isEqualTo(2);
    assertThat(TestMailCatcher.to(first)).isEmpty();
    assertThat(TestMailCatcher.to(second)).hasSize(1);
    assertThat(TestMailCatcher.to(second).get(0).getSubject()).isEqualTo("Resumed Second");
  }

  @Test
  void aBadRequestIsRefusedNamingTheField() throws Exception {
    String template = template("x", "<p>x</p>");
    send(post("/api/v1/mailings"), mailing("CONTACT", "no.such." + unique(), Map.of()))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("template"));
    send(post("/api/v1/mailings"), mailing("DEAL", template, Map.of()))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("entityType"));
    send(post("/api/v1/mailings"), mailing("CONTACT", template, Map.of(), List.of(1L)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("filter"));
    send(post("/api/v1/mailings"), mailing("CONTACT", template, null))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("ids"));
    send(post("/api/v1/mailings"), mailing("CONTACT", template, Map.of("q", "zzqx" + unique())))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("filter"));
    send(post("/api/v1/mailings"), mailing("CONTACT", "deal.invoice", Map.of()))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("template"));
  }

  // ---- helpers

  /** A request without the default administrator's credentials. */
  private static org.springframework.test.web.servlet.request.RequestPostProcessor signedOut() {
    return request -> {
      request.removeHeader("Authorization");
      return request;
    };
  }

  private String template(String subject, String body) throws Exception {
    String code = "mailing." + unique();
    create(
        "/api/v1/mail-templates",
        Map.of("code", code, "name", "Mailing " + code, "subject", subject, "body", body));
    return code;
  }

  private long contact(String firstName, String lastName, String email, Long responsibleId)
      throws Exception {
    Map<String, Object> body = new HashMap<>();
    body.put("firstName", firstName);
    body.put("lastName", lastName);
    if (email != null) {
      body.put("emails", List.of(Map.of("type", "WORK", "value", email)));
    }
    if (responsibleId != null) {
      body.put("responsibleId", responsibleId);
    }
    return create("/api/v1/contacts", body).get("id").asLong();
  }

  private long lead(String firstName, String tag, String email) throws Exception {
    return create(
            "/api/v1/leads",
            Map.of(
                "title",
                tag + " " + firstName,
                "firstName",
                firstName,
                "source",
                "PHONE",
                "emails",
                List.of(Map.of("type", "WORK", "value", email))))
        .get("id")
        .asLong();
  }

  private static Map<String, Object> mailing(
      String entityType, String template, Map<String, Object> filter) {
    return mailing(entityType, template, filter, null);
  }

  private static Map<String, Object> mailing(
      String entityType, String template, Map<String, Object> filter, List<Long> ids) {
    Map<String, Object> body = new HashMap<>();
    body.put("entityType", entityType);
    body.put("template", template);
    if (filter != null) {
      body.put("filter", filter);
    }
    if (ids != null) {
      body.put("ids", ids);
    }
    return body;
  }

  private long start(Map<String, Object> body) throws Exception {
    return read(send(post("/api/v1/mailings"), body).andExpect(status().isAccepted()).andReturn())
        .get("id")
        .asLong();
  }

  private JsonNode awaitDone(long id) throws Exception {
    long deadline = System.currentTimeMillis() + 30_000;
    while (true) {
      JsonNode mailing = getJson("/api/v1/mailings/" + id);
      if (!mailing.get("status").asString().equals("RUNNING")) {
        return mailing;
      }
      assertThat(System.currentTimeMillis()).as("mailing " + id + " done").isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  private static String unsubscribePath(MimeMessage message) throws Exception {
    Matcher m = UNSUBSCRIBE.matcher(html(message));
    assertThat(m.find()).as("unsubscribe link").isTrue();
    return m.group(1);
  }

  /** The HTML part of a mail (multipart/mixed > multipart/related|alternative > text/html). */
  static String html(MimeMessage message) throws Exception {
    return find(message.getContent());
  }

  private static String find(Object content) throws Exception {
    if (content instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart part = multipart.getBodyPart(i);
        if (part.isMimeType("text/html")) {
          return (String) part.getContent();
        }
        String nested = find(part.getContent());
        if (nested != null) {
          return nested;
        }
      }
    }
    return null;
  }
}
