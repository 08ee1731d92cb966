package org.flowcrm.crm.inbox;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flowcrm.crm.activity.ActivityCommand;
import org.flowcrm.crm.activity.ActivityService;
import org.flowcrm.crm.activity.ActivityType;
import org.flowcrm.crm.company.CompanyService;
import org.flowcrm.crm.contact.ContactService;
import org.flowcrm.crm.lead.LeadCommand;
import org.flowcrm.crm.lead.LeadService;
import org.flowcrm.crm.lead.LeadSource;
import org.flowcrm.crm.link.ItemLink;
import org.flowcrm.crm.link.ItemType;
import org.flowcrm.crm.shared.Email;
import org.flowcrm.crm.shared.EmailType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files one incoming mail, in one transaction, as the caller (the poller runs it as the system
 * user): an EMAIL activity on the contacts, companies and leads with the sender's address, or a new
 * lead for an unknown sender; a CRM user's forward counts as the original sender's mail.
 */
@Component
class InboundMailFiler {

  /** What became of a mail. */
  enum Outcome {
    FILED,
    NEW_LEAD,
    EXCLUDED,
    IGNORED,
    DUPLICATE
  }

  /** The "From:" line of an inline forward (English and Polish mail programs). */
  private static final Pattern FORWARDED_FROM =
      Pattern.compile("(?im)^[ \\t>]*(?:From|Od|Von|De)[ \\t]*:[ \\t]*(.+)$");

  private static final Pattern ADDRESS =
      Pattern.compile("[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");

  private static final Pattern FORWARD_PREFIX =
      Pattern.compile("(?i)^\\s*(?:(?:fwd?|pd|wg|tr)\\s*:\\s*)+");

  private static final int DESCRIPTION_LIMIT = 19_000;

  private final JdbcClient jdbc;
  private final ActivityService activities;
  private final ContactService contacts;
  private final CompanyService companies;
  private final LeadService leads;
  private final Exclusions exclusions;

  InboundMailFiler(
      JdbcClient jdbc,
      ActivityService activities,
      ContactService contacts,
      CompanyService companies,
      LeadService leads,
      Exclusions exclusions) {
    this.jdbc = jdbc;
    this.activities = activities;
    this.contacts = contacts;
    this.companies = companies;
    this.leads = leads;
    this.exclusions = exclusions;
  }

  @Transactional
  public Outcome file(ParsedMail mail, long maxAttachmentBytes) {
    if (known(mail.messageId())) {
      return Outcome.DUPLICATE;
    }
    ParsedMail customer = mail;
    String forwardedBy = null;
    if (mail.fromAddress() != null && isCrmUser(mail.fromAddress())) {
      customer = forwarded(mail);
      if (customer == null) {
        // a colleague writing to the CRM's mailbox without forwarding anything: not a customer
        return record(mail, Outcome.IGNORED, null, null);
      }
      forwardedBy = mail.fromAddress();
    }
    String sender = customer.fromAddress();
    if (sender == null) {
      return record(mail, Outcome.IGNORED, null, null);
    }
    if (exclusions.excludes(sender)) {
      return record(mail, Outcome.EXCLUDED, null, null);
    }
    List<ItemLink> links = new ArrayList<>();
    contacts.findDuplicates(List.of(sender), List.of()).stream()
        .map(c -> new ItemLink(ItemType.CONTACT, c.id()))
        .forEach(links::add);
    companies.findDuplicates(List.of(sender), List.of()).stream()
        .map(c -> new ItemLink(ItemType.COMPANY, c.id()))
        .forEach(links::add);
    leads.findDuplicates(List.of(sender), List.of()).stream()
        .map(l -> new ItemLink(ItemType.LEAD, l.id()))
        .forEach(links::add);
    Long leadId = null;
    Outcome outcome = Outcome.FILED;
    if (links.isEmpty()) {
      leadId = leads.create(newLead(customer, sender)).id();
      links.add(new ItemLink(ItemType.LEAD, leadId));
      outcome = Outcome.NEW_LEAD;
    }
    // the timeline shows what the customer wrote; a forward's attachments are the forwarder's and
    // the customer's together
    List<ParsedMail.Attachment> attachments = new ArrayList<>(mail.attachments());
    if (customer != mail) {
      attachments.addAll(customer.attachments());
    }
    long activityId =
        activity(
            mail,
            customer,
            forwardedBy,
            attachments,
            maxAttachmentBytes,
            links.subList(0, Math.min(links.size(), 20)));
    for (ParsedMail.Attachment attachment : attachments) {
      if (attachment.content().length <= maxAttachmentBytes) {
        jdbc.sql(
                "INSERT INTO crm_inbound_mail_attachment (activity_id, file_name, content_type,"
                    + " size_bytes, content) VALUES (:activity, :name, :type, :size, :content)")
            .param("activity", activityId)
            .param("name", truncate(attachment.fileName(), 255))
            .param("type", truncate(attachment.contentType(), 255))
            .param("size", attachment.content().length)
            .param("content", attachment.content())
            .update();
      }
    }
    return record(mail, outcome, activityId, leadId);
  }

  /** The vCards of a mail (its own and a forwarded mail's), for the contact import. */
  static List<ParsedMail.Attachment> vCards(ParsedMail mail) {
    List<ParsedMail.Attachment> found = new ArrayList<>();
    mail.attachments().stream().filter(ParsedMail.Attachment::isVCard).forEach(found::add);
    if (mail.attachedMail() != null) {
      mail.attachedMail().attachments().stream()
          .filter(ParsedMail.Attachment::isVCard)
          .forEach(found::add);
    }
    return found;
  }

  /**
   * The customer's mail inside a forward: the attached mail, or else the sender named on the
   * "From:" line of an inline forward (its text is the whole body); null when there is neither.
   */
  private ParsedMail forwarded(ParsedMail mail) {
    if (mail.attachedMail() != null && mail.attachedMail().fromAddress() != null) {
      return mail.attachedMail();
    }
    Matcher line = FORWARDED_FROM.matcher(mail.text());
    while (line.find()) {
      String header = line.group(1).strip();
      Matcher address = ADDRESS.matcher(header);
      if (address.find()) {
        String found = address.group().toLowerCase(Locale.ROOT);
        if (found.equals(mail.fromAddress())) {
          continue;
        }
        String name = header.substring(0, address.start()).replaceAll("[\"<\\[(]", " ").strip();
        return new ParsedMail(
            mail.messageId(),
            found,
            name.isEmpty() ? null : name,
            mail.to(),
            FORWARD_PREFIX.matcher(mail.subject()).replaceFirst(""),
            mail.sentAt(),
            mail.text(),
            List.of(),
            null);
      }
    }
    return null;
  }

  private long activity(
      ParsedMail mail,
      ParsedMail customer,
      String forwardedBy,
      List<ParsedMail.Attachment> attachments,
      long maxAttachmentBytes,
      List<ItemLink> links) {
    StringBuilder header = new StringBuilder();
    header.append("From: ").append(display(customer)).append('\n');
    if (!customer.to().isEmpty()) {
      header.append("To: ").append(String.join(", ", customer.to())).append('\n');
    }
    if (forwardedBy != null) {
      header.append("Forwarded by: ").append(forwardedBy).append('\n');
    }
    Set<String> kept = new LinkedHashSet<>();
    List<String> tooLarge = new ArrayList<>();
    for (ParsedMail.Attachment attachment : attachments) {
      if (attachment.content().length <= maxAttachmentBytes) {
        kept.add(attachment.fileName());
      } else {
        tooLarge.add(attachment.fileName() + " (" + attachment.content().length + " bytes)");
      }
    }
    if (!kept.isEmpty()) {
      header.append("Attached: ").append(String.join(", ", kept)).append('\n');
    }
    if (!tooLarge.isEmpty()) {
      header
          .append("Not kept (over ")
          .append(maxAttachmentBytes)
          .append(" bytes): ")
          .append(String.join(", ", tooLarge))
          .append('\n');
    }
    String text = customer.text();
    if (customer != mail && !mail.text().isBlank() && !mail.text().equals(customer.text())) {
      // the forwarder's own words come first, then the forwarded mail
      text = mail.text() + "\n\n---- Forwarded message ----\n" + customer.text();
    }
    String subject = customer.subject().isBlank() ? "(no subject)" : customer.subject();
    var activity =
        activities.record(
            new ActivityCommand(
                ActivityType.EMAIL,
                truncate(subject, 255),
                truncate(
                    header.append('\n').append(truncate(text, DESCRIPTION_LIMIT)).toString(),
                    20_000),
                customer.sentAt() == null ? Instant.now() : customer.sentAt(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                links),
            truncate("inbound:" + mail.messageId(), 200));
    activities.complete(activity.id());
    return activity.id();
  }

  private static LeadCommand newLead(ParsedMail customer, String sender) {
    String name = customer.fromName() == null ? "" : customer.fromName().strip();
    String first = null;
    String last = null;
    if (!name.isEmpty()) {
      int space = name.lastIndexOf(' ');
      first = space < 0 ? name : name.substring(0, space).strip();
      last = space < 0 ? null : name.substring(space + 1).strip();
    }
    String who = name.isEmpty() ? sender : name;
    String title =
        customer.subject().isBlank() ? "E-mail from " + who : who + ": " + customer.subject();
    return new LeadCommand(
        truncate(title, 255),
        truncate(first, 100),
        truncate(last, 100),
        null,
        null,
        null,
        LeadSource.EMAIL,
        null,
        null,
        List.of(),
        List.of(new Email(EmailType.WORK, sender)),
        List.of());
  }

  private static String display(ParsedMail mail) {
    return mail.fromName() == null || mail.fromName().isBlank()
        ? mail.fromAddress()
        : mail.fromName() + " <" + mail.fromAddress() + ">";
  }

  private boolean known(String messageId) {
    return jdbc.sql("SELECT COUNT(*) FROM crm_inbound_mail WHERE message_id = :id")
            .param("id", truncate(messageId, 255))
            .query(Long.class)
            .single()
        > 0;
  }

  private boolean isCrmUser(String address) {
    return jdbc.sql("SELECT COUNT(*) FROM crm_user WHERE LOWER(email) = :email AND active")
            .param("email", address.toLowerCase(Locale.ROOT))
            .query(Long.class)
            .single()
        > 0;
  }

  private Outcome record(ParsedMail mail, Outcome outcome, Long activityId, Long leadId) {
    jdbc.sql(
            "INSERT INTO crm_inbound_mail (message_id, sender, subject, outcome, activity_id,"
                + " lead_id, received_at) VALUES (:id, :sender, :subject, :outcome, :activity,"
                + " :lead, :at)")
        .param("id", truncate(mail.messageId(), 255))
        .param("sender", truncate(mail.fromAddress(), 254))
        .param("subject", truncate(mail.subject(), 255))
        .param("outcome", outcome.name())
        .param("activity", activityId)
        .param("lead", leadId)
        .param("at", Timestamp.from(Instant.now()))
        .update();
    return outcome;
  }

  private static String truncate(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
