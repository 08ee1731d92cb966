package org.flowcrm.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.flowcrm.crm.inbox.InboundMailService;
import org.flowcrm.crm.inbox.Mailbox;
import org.flowcrm.crm.inbox.MailboxUnavailableException;
import org.flowcrm.crm.inbox.PollResult;
import org.flowcrm.crm.lead.LeadCreated;
import org.flowcrm.crm.lead.LeadSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Incoming mail against a real IMAP server (GreenMail): mails are delivered into the CRM's mailbox,
 * one poll reads them over IMAP, and the timeline, leads, exclusions, forwards and vCards show what
 * the CRM made of them. Each test finds its records by its own unique addresses.
 */
class InboundMailTests extends ApiTest {

  private static final GreenMail IMAP = start();
  private static final GreenMailUser CRM_MAILBOX =
      IMAP.setUser("crm@flowcrm.test", "crm-inbox", "inbox-secret");
  private static final Session SESSION = Session.getInstance(new Properties());

  @Autowired InboundMailService inbound;
  @Autowired JdbcClient jdbc;
  @Autowired RecordedEvents events;

  private static GreenMail start() {
    GreenMail greenMail = new GreenMail(ServerSetupTest.IMAP.dynamicPort());
    greenMail.start();
    Runtime.getRuntime().addShutdownHook(new Thread(greenMail::stop, "test-imap-stop"));
    return greenMail;
  }

  private static Mailbox mailbox() {
    return new Mailbox(
        "127.0.0.1", IMAP.getImap().getPort(), "imap", "crm-inbox", "inbox-secret", "INBOX");
  }

  @Test
  void aMailFromAKnownContactLandsOnItsTimelineAsTextWithItsAttachment() throws Exception {
    String ada = "ada-" + unique() + "@customer.example";
    long contactId = contact("Ada", ada);
    byte[] pdf = "%PDF-1.4 specification".getBytes(StandardCharsets.US_ASCII);
    MimeMessage mail = mail("Ada Lovelace <" + ada + ">", "Our requirements");
    MimeMultipart parts = new MimeMultipart();
    MimeBodyPart html = new MimeBodyPart();
    html.setContent(
        "<html><body><p>Hello <b>team</b>,</p><p>we need 20 licences.</p>"
            + "<script>alert('x')</script></body></html>",
        "text/html; charset=UTF-8");
    parts.addBodyPart(html);
    parts.addBodyPart(attachment("specification.pdf", "application/pdf", pdf));
    mail.setContent(parts);
    deliver(mail);

    PollResult result = inbound.poll(mailbox());

    assertThat(result.filed()).isGreaterThanOrEqualTo(1);
    JsonNode timeline = getJson("/api/v1/activities?itemType=CONTACT&itemId=" + contactId);
    assertThat(timeline.get("items")).hasSize(1);
    JsonNode entry = timeline.get("items").get(0);
    assertThat(entry.get("type").asString()).isEqualTo("EMAIL");
    assertThat(entry.get("subject").asString()).isEqualTo("Our requirements");
    assertThat(entry.get("description").asString())
        .contains("From: Ada Lovelace <" + ada + ">")
        .contains("Hello team,")
        .contains("we need 20 licences.")
        .contains("Attached: specification.pdf")
        .doesNotContain("<b>")
        .doesNotContain("alert");
    JsonNode attachments =
        getJson("/api/v1/mail/inbound/attachments?activityId=" + entry.get("id").asLong());
    assertThat(attachments).hasSize(1);
    assertThat(attachments.get(0).get("fileName").asString()).isEqualTo("specification.pdf");
    byte[] downloaded =
        mvc.perform(
                get("/api/v1/mail/inbound/attachments/" + attachments.get(0).get("id").asLong()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    assertThat(downloaded).isEqualTo(pdf);
    // a manager who may not read the contact learns nothing of the mail or its file
    TestUser stranger = signInUser(null, "MANAGER");
    mvc.perform(
            get("/api/v1/mail/inbound/attachments/" + attachments.get(0).get("id").asLong())
                .with(as(stranger)))
        .andExpect(status().isNotFound());
    mvc.perform(
            get("/api/v1/mail/inbound/attachments?activityId=" + entry.get("id").asLong())
                .with(as(stranger)))
        .andExpect(status().isNotFound());
    // a known sender makes no lead
    assertThat(leadsWith(ada)).isEmpty();
  }

  @Test
  void anUnknownSenderBecomesAnEmailLeadWhoseProcessingStarts() throws Exception {
    String max = "max-" + unique() + "@newco.example";
    MimeMessage mail = mail("Max Mustermann <" + max + ">", "Price for 50 seats?");
    mail.setText("Hi, what would 50 seats cost?", "UTF-8");
    deliver(mail);

    inbound.poll(mailbox());

    List<Long> leads = leadsWith(max);
    assertThat(leads).hasSize(1);
    JsonNode lead = getJson("/api/v1/leads/" + leads.get(0));
    assertThat(lead.get("source").asString()).isEqualTo("EMAIL");
    assertThat(lead.get("firstName").asString()).isEqualTo("Max");
    assertThat(lead.get("lastName").asString()).isEqualTo("Mustermann");
    assertThat(lead.get("title").asString()).isEqualTo("Max Mustermann: Price for 50 seats?");
    // LeadCreated is what starts lead processing (the workers' bridge), as for web-form leads
    assertThat(events.of(LeadCreated.class))
        .filteredOn(e -> e.leadId() == leads.get(0))
        .extracting(LeadCreated::source)
        .containsExactly(LeadSource.EMAIL);
    JsonNode timeline = getJson("/api/v1/activities?itemType=LEAD&itemId=" + leads.get(0));
    assertThat(timeline.get("items")).hasSize(1);
    assertThat(timeline.get("items").get(0).get("description").asString())
        .contains("what would 50 seats cost?");
  }

  @Test
  void mailFromAnExcludedAddressOrDomainMakesNothing() throws Exception {
    String domain = "excluded-" + unique() + ".example";
    String address = "noreply-" + unique() + "@shop.example";
    send(
            put("/api/v1/mail/inbound/exclusions"),
            Map.of("patterns", List.of("@" + domain, address.toUpperCase())))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.patterns[0]").value(domain))
        .andExpect(jsonPath("$.patterns[1]").value(address));
    send(
            put("/api/v1/mail/inbound/exclusions"),
            Map.of("patterns", List.of(domain, "not a domain")))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("patterns[1]"));
    String fromSubdomain = "news@mail." + domain;
    MimeMessage first = mail(fromSubdomain, "Weekly news");
    first.setText("News", "UTF-8");
    deliver(first);
    MimeMessage second = mail(address, "Your order shipped");
    second.setText("Shipped", "UTF-8");
    deliver(second);

    PollResult result = inbound.poll(mailbox());

    assertThat(result.excluded()).isGreaterThanOrEqualTo(2);
    assertThat(leadsWith(fromSubdomain)).isEmpty();
    assertThat(leadsWith(address)).isEmpty();
    assertThat(inboundActivities(fromSubdomain) + inboundActivities(address)).isZero();
    // the list stays as the first PUT left it: the refused one changed nothing
    assertThat(getJson("/api/v1/mail/inbound/exclusions").get("patterns").toString())
        .contains(domain)
        .contains(address);
  }

  @Test
  void aColleaguesForwardIsFiledUnderTheOriginalSender() throws Exception {
    String colleague = "seller-" + unique() + "@flowcrm.test";
    create(
        "/api/v1/users",
        Map.of("login", "s" + unique(), "displayName", "Seller", "email", colleague));
    String ada = "ada-" + unique() + "@customer.example";
    long contactId = contact("Ada", ada);

    // forwarded as an attachment (message/rfc822)
    MimeMessage original = mail("Ada <" + ada + ">", "Contract questions");
    original.setText("Can we pay quarterly?", "UTF-8");
    original.saveChanges();
    MimeMessage forward = mail(colleague, "Fwd: Contract questions");
    MimeMultipart parts = new MimeMultipart();
    MimeBodyPart note = new MimeBodyPart();
    note.setText("See below, please file it.", "UTF-8");
    parts.addBodyPart(note);
    MimeBodyPart attached = new MimeBodyPart();
    attached.setContent(original, "message/rfc822");
    parts.addBodyPart(attached);
    forward.setContent(parts);
    deliver(forward);

    // forwarded inline, as most mail programs do, from somebody the CRM does not know
    String stranger = "stranger-" + unique() + "@prospect.example";
    MimeMessage inline = mail(colleague, "Fwd: Demo request");
    inline.setText(
        "FYI\n\n---------- Forwarded message ---------\nFrom: Nina Nowak <"
            + stranger
            + ">\nDate: Sun, 29 Nov 2026 at 10:00\nSubject: Demo request\n\nCould we see a demo?",
        "UTF-8");
    deliver(inline);

    inbound.poll(mailbox());

    JsonNode timeline = getJson("/api/v1/activities?itemType=CONTACT&itemId=" + contactId);
    assertThat(timeline.get("items")).hasSize(1);
    assertThat(timeline.get("items").get(0).get("subject").asString())
        .isEqualTo("Contract questions");
    assertThat(timeline.get("items").get(0).get("description").asString())
        .contains("From: Ada <" + ada + ">")
        .contains("Forwarded by: " + colleague)
        .contains("Can we pay quarterly?");
    assertThat(leadsWith(colleague)).isEmpty();
    List<Long> leads = leadsWith(stranger);
    assertThat(leads).hasSize(1);
    JsonNode lead = getJson("/api/v1/leads/" + leads.get(0));
    assertThat(lead.get("firstName").asString()).isEqualTo("Nina");
    assertThat(lead.get("title").asString()).isEqualTo("Nina Nowak: Demo request");
  }

  @Test
  void anAttachedVCardBecomesAContactThroughTheVCardImport() throws Exception {
    String ada = "ada-" + unique() + "@customer.example";
    contact("Ada", ada);
    String vera = "vera-" + unique() + "@partner.example";
    String card =
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Card;Vera;;;\r\nFN:Vera Card\r\nORG:Partner Ltd\r\n"
            + "EMAIL;TYPE=WORK:"
            + vera
            + "\r\nTEL;TYPE=CELL:+48 600 100 200\r\nEND:VCARD\r\n";
    MimeMessage mail = mail(ada, "My colleague's card");
    MimeMultipart parts = new MimeMultipart();
    MimeBodyPart text = new MimeBodyPart();
    text.setText("Please get in touch with Vera.", "UTF-8");
    parts.addBodyPart(text);
    parts.addBodyPart(attachment("vera.vcf", "text/vcard", card.getBytes(StandardCharsets.UTF_8)));
    mail.setContent(parts);
    deliver(mail);

    inbound.poll(mailbox());

    // the import runs in the background, as every import does
    long deadline = System.currentTimeMillis() + 20_000;
    while (contactsWith(vera).isEmpty() && System.currentTimeMillis() < deadline) {
      Thread.sleep(100);
    }
    List<Long> contacts = contactsWith(vera);
    assertThat(contacts).hasSize(1);
    JsonNode contact = getJson("/api/v1/contacts/" + contacts.get(0));
    assertThat(contact.get("firstName").asString()).isEqualTo("Vera");
    assertThat(contact.get("lastName").asString()).isEqualTo("Card");
    assertThat(contact.toString()).contains("600 100 200");
  }

  @Test
  void aSecondPollAndARedeliveredMailCreateNothingTwice() throws Exception {
    String eve = "eve-" + unique() + "@newco.example";
    MimeMessage mail = new FixedIdMessage("<" + unique() + "@mail.newco.example>");
    mail.setFrom(new InternetAddress("Eve <" + eve + ">"));
    mail.setRecipients(Message.RecipientType.TO, "crm@flowcrm.test");
    mail.setSubject("Hello");
    mail.setText("First contact", "UTF-8");
    mail.saveChanges();
    deliver(mail);

    inbound.poll(mailbox());
    PollResult second = inbound.poll(mailbox());
    assertThat(second.read()).isZero();
    // the very same mail once more (a mail program resent it): known by its Message-ID
    deliver(mail);
    PollResult third = inbound.poll(mailbox());

    assertThat(third.read()).isEqualTo(1);
    assertThat(third.duplicates()).isEqualTo(1);
    List<Long> leads = leadsWith(eve);
    assertThat(leads).hasSize(1);
    assertThat(getJson("/api/v1/activities?itemType=LEAD&itemId=" + leads.get(0)).get("items"))
        .hasSize(1);
    JsonNode status = getJson("/api/v1/mail/inbound/status");
    assertThat(status.get("lastPollAt").isNull()).isFalse();
    assertThat(status.get("lastPollMessages").asInt()).isEqualTo(1);
    assertThat(status.get("totalFiled").asLong()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void aMailboxThatCannotBeReadIsReportedInTheStatus() throws Exception {
    Mailbox wrongPassword =
        new Mailbox("127.0.0.1", IMAP.getImap().getPort(), "imap", "crm-inbox", "wrong", "INBOX");

    assertThatThrownBy(() -> inbound.poll(wrongPassword))
        .isInstanceOf(MailboxUnavailableException.class);

    mvc.perform(get("/api/v1/mail/inbound/status"))
        .andExpect(status().isOk())
        .andExpect(
            jsonPath("$.lastError").value(org.hamcrest.Matchers.containsString("Cannot read")))
        .andExpect(jsonPath("$.lastErrorAt").isNotEmpty());
    // nothing configured in the tests: polling "now" says what is missing
    mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                "/api/v1/mail/inbound/poll"))
        .andExpect(status().isConflict())
        .andExpect(
            jsonPath("$.detail")
                .value(org.hamcrest.Matchers.containsString("flowcrm.mail.inbound.host")));
  }

  /** A mail whose Message-ID stays what the test says, also after saveChanges(). */
  private static final class FixedIdMessage extends MimeMessage {
    private final String id;

    FixedIdMessage(String id) {
      super(SESSION);
      this.id = id;
    }

    @Override
    protected void updateMessageID() throws jakarta.mail.MessagingException {
      setHeader("Message-ID", id);
    }
  }

  private static MimeMessage mail(String from, String subject) throws Exception {
    MimeMessage mail = new MimeMessage(SESSION);
    mail.setFrom(new InternetAddress(from));
    mail.setRecipients(Message.RecipientType.TO, "crm@flowcrm.test");
    mail.setSubject(subject, "UTF-8");
    mail.setSentDate(new java.util.Date());
    return mail;
  }

  private static MimeBodyPart attachment(String name, String type, byte[] content)
      throws Exception {
    MimeBodyPart part = new MimeBodyPart();
    part.setDataHandler(
        new jakarta.activation.DataHandler(
            new jakarta.mail.util.ByteArrayDataSource(content, type)));
    part.setFileName(name);
    part.setDisposition(MimeBodyPart.ATTACHMENT);
    return part;
  }

  private static void deliver(MimeMessage mail) throws Exception {
    mail.saveChanges();
    CRM_MAILBOX.deliver(mail);
  }

  private long contact(String firstName, String email) throws Exception {
    return create(
            "/api/v1/contacts",
            Map.of(
                "firstName",
                firstName,
                "lastName",
                "Inbound",
                "emails",
                List.of(Map.of("type", "WORK", "value", email))))
        .get("id")
        .asLong();
  }

  private List<Long> leadsWith(String email) {
    return jdbc.sql("SELECT lead_id FROM crm_lead_email WHERE email = :e")
        .param("e", email)
        .query(Long.class)
        .list();
  }

  private List<Long> contactsWith(String email) {
    return jdbc.sql("SELECT contact_id FROM crm_contact_email WHERE email = :e")
        .param("e", email)
        .query(Long.class)
        .list();
  }

  private long inboundActivities(String sender) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM crm_inbound_mail WHERE sender = :s AND activity_id IS NOT NULL")
        .param("s", sender)
        .query(Long.class)
        .single();
  }
}
