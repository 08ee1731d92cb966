package org.flowcrm.crm.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.validation.Valid;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flowcrm.crm.activity.ActivityCommand;
import org.flowcrm.crm.activity.ActivityService;
import org.flowcrm.crm.activity.ActivityType;
import org.flowcrm.crm.activity.ActivityView;
import org.flowcrm.crm.company.CompanyService;
import org.flowcrm.crm.company.CompanyView;
import org.flowcrm.crm.contact.ContactService;
import org.flowcrm.crm.contact.ContactView;
import org.flowcrm.crm.deal.DealService;
import org.flowcrm.crm.deal.DealView;
import org.flowcrm.crm.invoice.InvoicePdf;
import org.flowcrm.crm.invoice.InvoiceService;
import org.flowcrm.crm.invoice.InvoiceStatus;
import org.flowcrm.crm.invoice.InvoiceView;
import org.flowcrm.crm.lead.LeadService;
import org.flowcrm.crm.lead.LeadView;
import org.flowcrm.crm.link.ItemLink;
import org.flowcrm.crm.link.ItemType;
import org.flowcrm.crm.permission.AccessPolicy;
import org.flowcrm.crm.permission.Action;
import org.flowcrm.crm.permission.EntityType;
import org.flowcrm.crm.quote.QuotePdf;
import org.flowcrm.crm.quote.QuoteService;
import org.flowcrm.crm.quote.QuoteStatus;
import org.flowcrm.crm.quote.QuoteView;
import org.flowcrm.crm.shared.Email;
import org.flowcrm.crm.shared.InvalidFieldException;
import org.flowcrm.crm.shared.NotFoundException;
import org.flowcrm.crm.shared.SandboxedTemplates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.data.domain.Limit;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.annotation.Validated;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends templated mail for CRM records: the public API of outgoing mail. Each send is keyed: a
 * repeated send under a key whose mail went out returns that mail and sends nothing (a redelivered
 * job). The mail is sent first and recorded after, with its EMAIL timeline entry, in one
 * transaction; a crash between the two sends it again on the retry (at least once, never lost).
 *
 * <p>Sending a mail about a record changes it (its timeline gets the EMAIL entry, a draft quote or
 * invoice becomes SENT), so the caller needs UPDATE on it, and on the quote or invoice the mail
 * carries when that is another record; this is checked before anything goes out. Listing the mails
 * of a record needs READ on it. Job workers send as the system user.
 */
@Service
@Validated
public class MailService {

  private static final Logger log = LoggerFactory.getLogger(MailService.class);

  /** The template an invoice is sent with (the deal process sends the same). */
  public static final String INVOICE_TEMPLATE = "deal.invoice";

  private final MailTemplateService templates;
  private final OutboundMails mails;
  private final ActivityService activities;
  private final LeadService leads;
  private final DealService deals;
  private final ContactService contacts;
  private final CompanyService companies;
  private final QuoteService quotes;
  private final InvoiceService invoices;
  private final InvoicePdf invoicePdf;
  private final QuotePdf quotePdf;
  private final AccessPolicy policy;
  private final ObjectProvider<JavaMailSender> sender;
  private final TransactionTemplate transaction;
  private final JsonMapper json;
  private final String from;
  private final String publicUrl;

  MailService(
      MailTemplateService templates,
      OutboundMails mails,
      ActivityService activities,
      LeadService leads,
      DealService deals,
      ContactService contacts,
      CompanyService companies,
      QuoteService quotes,
      InvoiceService invoices,
      InvoicePdf invoicePdf,
      QuotePdf quotePdf,
      AccessPolicy policy,
      ObjectProvider<JavaMailSender> sender,
      PlatformTransactionManager transactions,
      JsonMapper json,
      @Value("${flowcrm.mail.from:crm@flowcrm.local}") String from,
      @Value("${flowcrm.public-url:http://localhost:8080}") String publicUrl) {
    this.templates = templates;
    this.mails = mails;
    this.activities = activities;
    this.leads = leads;
    this.deals = deals;
    this.contacts = contacts;
    this.companies = companies;
    this.quotes = quotes;
    this.invoices = invoices;
    this.invoicePdf = invoicePdf;
    this.quotePdf = quotePdf;
    this.policy = policy;
    this.sender = sender;
    this.transaction = new TransactionTemplate(transactions);
    this.json = json;
    this.from = from;
    this.publicUrl =
        publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
  }

  /**
   * Renders the request's template for its record and sends it, or returns the mail already sent
   * under its dedupe key. Throws {@link MissingRecipientException} when nobody can be mailed and
   * {@link MailDeliveryException} (after recording the mail FAILED) when the SMTP server refuses.
   * The caller needs UPDATE on the request's record (404 when he cannot read it, 403 when he may
   * only read it), checked before the dedupe key so a key never reveals another's mail.
   */
  public OutboundMailView send(@Valid MailRequest request) {
    requireUpdate(request.entityType(), request.entityId());
    var done = mails.findByDedupeKey(request.dedupeKey());
    if (done.isPresent() && done.get().getStatus() == MailStatus.SENT) {
      return OutboundMailView.of(done.get());
    }
    MailTemplateView template = templates.find(request.template(), request.locale());
    Context context = context(request, template.documentType());
    List<String> recipients =
        request.recipient() == null || request.recipient().isBlank()
            ? context.recipients
            : addresses(request.recipient());
    if (recipients.isEmpty()) {
      throw new MissingRecipientException(
          request.entityType().name().toLowerCase()
              + " "
              + request.entityId()
              + " has no contact or company with an e-mail address; give a recipient");
    }
    RenderedMail rendered = templates.render(template, context.model);
    List<Attachment> attachments = new ArrayList<>();
    if (context.attachInvoice) {
      attachments.add(
          new Attachment(InvoicePdf.fileName(context.invoice), invoicePdf.render(context.invoice)));
    }
    if (context.markQuoteSent) {
      // a template about a quote sends the quote itself along, as the customer will print it
      attachments.add(
          new Attachment(QuotePdf.fileName(context.quote), quotePdf.render(context.quote)));
    }
    ItemLink item = new ItemLink(request.entityType(), request.entityId());
    List<String> names = attachments.stream().map(Attachment::name).toList();
    try {
      deliver(recipients, rendered, attachments, Map.of());
    } catch (MailException | MessagingException e) {
      String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      log.warn("Mail {} to {} failed: {}", request.dedupeKey(), recipients, reason);
      transaction.executeWithoutResult(
          status -> record(request, recipients, rendered, item, names, reason));
      throw new MailDeliveryException("The mail could not be sent: " + reason, e);
    }
    return transaction.execute(
        status -> {
          OutboundMail mail = record(request, recipients, rendered, item, names, null);
          ActivityView entry =
              activities.record(
                  new ActivityCommand(
                      ActivityType.EMAIL,
                      truncate(rendered.subject(), 255),
                      "To: "
                          + String.join(", ", recipients)
                          + (names.isEmpty() ? "" : "\nAttached: " + String.join(", ", names))
                          + "\n\n"
                          + truncate(text(rendered.htmlBody()), 19_000),
                      Instant.now(),
                      null,
                      null,
                      null,
                      null,
                      null,
                      null,
                      null,
                      List.copyOf(context.links)),
                  "mail:" + request.dedupeKey());
          if (!entry.completed()) {
            // the entry records a mail that went out, not one still to write
            activities.complete(entry.id());
          }
          markSent(context);
          return OutboundMailView.of(mail);
        });
  }

  /**
   * Sends an invoice to its payer with the PDF attached (template {@value #INVOICE_TEMPLATE}); a
   * draft invoice becomes SENT.
   */
  public OutboundMailView sendInvoice(
      long invoiceId, String recipient, String locale, String dedupeKey) {
    return send(
        new MailRequest(
            INVOICE_TEMPLATE,
            ItemType.INVOICE,
            invoiceId,
            invoiceId,
            recipient,
            locale,
            dedupeKey));
  }

  /**
   * Sends one mail rendered by the caller to one address about one record, once per {@code
   * dedupeKey}: logs it (as {@link #send} does) and puts the EMAIL entry on the record's timeline.
   * For group mailings, which decided who may be mailed when they were started and send from a
   * background thread: no permission is checked here. {@code headers} are added to the message
   * (e.g. {@code List-Unsubscribe}). Throws {@link MailDeliveryException} (after logging the mail
   * FAILED) when the SMTP server refuses.
   */
  public OutboundMailView sendRendered(
      String dedupeKey,
      String templateCode,
      String recipient,
      RenderedMail rendered,
      ItemLink item,
      Map<String, String> headers) {
    var done = mails.findByDedupeKey(dedupeKey);
    if (done.isPresent() && done.get().getStatus() == MailStatus.SENT) {
      return OutboundMailView.of(done.get());
    }
    MailRequest request =
        new MailRequest(templateCode, item.type(), item.id(), null, recipient, null, dedupeKey);
    List<String> recipients = List.of(recipient);
    try {
      deliver(recipients, rendered, List.of(), headers);
    } catch (MailException | MessagingException e) {
      String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      log.warn("Mail {} to {} failed: {}", dedupeKey, recipient, reason);
      transaction.executeWithoutResult(
          status -> record(request, recipients, rendered, item, List.of(), reason));
      throw new MailDeliveryException("The mail could not be sent: " + reason, e);
    }
    return transaction.execute(
        status -> {
          OutboundMail mail = record(request, recipients, rendered, item, List.of(), null);
          ActivityView entry =
              activities.record(
                  new ActivityCommand(
                      ActivityType.EMAIL,
                      truncate(rendered.subject(), 255),
                      "To: " + recipient + "\n\n" + truncate(text(rendered.htmlBody()), 19_000),
                      Instant.now(),
                      null,
                      null,
                      null,
                      null,
                      null,
                      null,
                      null,
                      List.of(item)),
                  "mail:" + dedupeKey);
          if (!entry.completed()) {
            activities.complete(entry.id());
          }
          return OutboundMailView.of(mail);
        });
  }

  /** The mails sent for a record, newest first (at most 200); needs READ on the record. */
  public List<OutboundMailView> sentFor(ItemType type, long id) {
    switch (type) {
      case LEAD -> leads.get(id);
      case CONTACT -> contacts.get(id);
      case COMPANY -> companies.get(id);
      case DEAL -> deals.get(id);
      case QUOTE -> quotes.get(id);
      case INVOICE -> invoices.get(id);
    }
    return mails.findByItemTypeAndItemIdOrderByIdDesc(type, id, Limit.of(200)).stream()
        .map(OutboundMailView::of)
        .toList();
  }

  private OutboundMail record(
      MailRequest request,
      List<String> recipients,
      RenderedMail rendered,
      ItemLink item,
      List<String> attachments,
      String failure) {
    OutboundMail mail =
        mails
            .findByDedupeKey(request.dedupeKey())
            .orElseGet(() -> new OutboundMail(request.dedupeKey()));
    mail.attempted(
        request.template(),
        recipients,
        truncate(rendered.subject(), 1000),
        item,
        attachments,
        failure);
    return mails.saveAndFlush(mail);
  }

  private void deliver(
      List<String> recipients,
      RenderedMail rendered,
      List<Attachment> attachments,
      Map<String, String> headers)
      throws MessagingException {
    JavaMailSender mailSender = sender.getIfAvailable();
    if (mailSender == null) {
      throw new MailSendException("no SMTP server is configured (spring.mail.host)");
    }
    MimeMessage message = mailSender.createMimeMessage();
    // multipart: an HTML body with its plain-text alternative, and the attachments
    MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
    helper.setFrom(from);
    helper.setTo(recipients.toArray(String[]::new));
    helper.setSubject(rendered.subject());
    helper.setText(text(rendered.htmlBody()), rendered.htmlBody());
    for (Map.Entry<String, String> header : headers.entrySet()) {
      message.setHeader(header.getKey(), header.getValue());
    }
    for (Attachment attachment : attachments) {
      helper.addAttachment(
          attachment.name(), new ByteArrayResource(attachment.content()), "application/pdf");
    }
    mailSender.send(message);
  }

  /** The model, default recipients, timeline links and document of a request's record. */
  private Context context(MailRequest request, MailDocument documentType) {
    Context c = new Context();
    long id = request.entityId();
    Long contactId = null;
    Long companyId = null;
    switch (request.entityType()) {
      case LEAD -> {
        LeadView lead = leads.get(id);
        c.model.put("lead", model(lead));
        lead.emails().stream().map(Email::value).findFirst().ifPresent(c.recipients::add);
        c.links.add(new ItemLink(ItemType.LEAD, id));
      }
      case DEAL -> {
        DealView deal = deals.get(id);
        c.model.put("deal", model(deal));
        c.links.add(new ItemLink(ItemType.DEAL, id));
        contactId = deal.contactIds().isEmpty() ? null : deal.contactIds().get(0);
        companyId = deal.companyId();
      }
      case QUOTE -> {
        QuoteView quote = quotes.get(id);
        c.quote = quote;
        c.links.add(new ItemLink(ItemType.QUOTE, id));
        contactId = quote.contactId();
        companyId = quote.companyId();
        dealOf(c, quote.dealId());
      }
      case INVOICE -> {
        InvoiceView invoice = invoices.get(id);
        c.invoice = invoice;
        c.links.add(new ItemLink(ItemType.INVOICE, id));
        contactId = invoice.contactId();
        companyId = invoice.companyId();
        dealOf(c, invoice.dealId());
      }
      default ->
          throw new InvalidFieldException(
              "entityType", "mail can be sent for a LEAD, DEAL, QUOTE or INVOICE");
    }
    // the document goes out with the mail and may become SENT: it is changed as well
    if (request.documentId() != null && documentType == MailDocument.QUOTE && c.quote == null) {
      c.quote = quotes.get(request.documentId());
      policy.require(EntityType.QUOTE, Action.UPDATE, c.quote.id(), c.quote.responsibleId());
      c.links.add(new ItemLink(ItemType.QUOTE, c.quote.id()));
    }
    if (request.documentId() != null && documentType == MailDocument.INVOICE && c.invoice == null) {
      c.invoice = invoices.get(request.documentId());
      policy.require(EntityType.INVOICE, Action.UPDATE, c.invoice.id(), c.invoice.responsibleId());
      c.links.add(new ItemLink(ItemType.INVOICE, c.invoice.id()));
    }
    // only a template about an invoice attaches it (and makes a draft invoice SENT)
    c.attachInvoice = documentType == MailDocument.INVOICE && c.invoice != null;
    c.markQuoteSent = documentType == MailDocument.QUOTE && c.quote != null;
    // the document's payer comes first, the deal's contact after
    if (c.invoice != null) {
      contactId = c.invoice.contactId() != null ? c.invoice.contactId() : contactId;
      companyId = c.invoice.companyId() != null ? c.invoice.companyId() : companyId;
    } else if (c.quote != null) {
      contactId = c.quote.contactId() != null ? c.quote.contactId() : contactId;
      companyId = c.quote.companyId() != null ? c.quote.companyId() : companyId;
    }
    // a contact or company the caller may not read is left out (not addressed, not in the
    // model): the mail then needs an explicit recipient, and reveals nothing of it
    ContactView contact = contactId == null ? null : readable(contacts::get, contactId);
    if (contact != null) {
      c.model.put("contact", model(contact));
      contact.emails().stream().map(Email::value).findFirst().ifPresent(c.recipients::add);
      c.links.add(new ItemLink(ItemType.CONTACT, contactId));
    }
    CompanyView company = companyId == null ? null : readable(companies::get, companyId);
    if (company != null) {
      c.model.put("company", model(company));
      if (c.recipients.isEmpty()) {
        company.emails().stream().map(Email::value).findFirst().ifPresent(c.recipients::add);
      }
      c.links.add(new ItemLink(ItemType.COMPANY, companyId));
    }
    if (c.quote != null) {
      c.model.put("quote", model(c.quote));
    }
    if (c.invoice != null) {
      c.model.put("invoice", model(c.invoice));
      c.model.put(
          "invoiceUrl", publicUrl + "/api/v1/public/invoices/" + c.invoice.publicToken() + "/pdf");
    }
    return c;
  }

  /**
   * Refuses a mail about a record the caller may not change: 404 when he cannot read it (as
   * everywhere), 403 naming UPDATE and the entity when he may only read it.
   */
  private void requireUpdate(ItemType type, long id) {
    switch (type) {
      case LEAD -> {
        LeadView lead = leads.get(id);
        policy.require(EntityType.LEAD, Action.UPDATE, id, lead.responsibleId());
      }
      case DEAL -> {
        DealView deal = deals.get(id);
        policy.requireDeal(
            Action.UPDATE, id, deal.responsibleId(), deal.visibleToAll(), deal.pipelineId());
      }
      case QUOTE -> {
        QuoteView quote = quotes.get(id);
        policy.require(EntityType.QUOTE, Action.UPDATE, id, quote.responsibleId());
      }
      case INVOICE -> {
        InvoiceView invoice = invoices.get(id);
        policy.require(EntityType.INVOICE, Action.UPDATE, id, invoice.responsibleId());
      }
      default ->
          throw new InvalidFieldException(
              "entityType", "mail can be sent for a LEAD, DEAL, QUOTE or INVOICE");
    }
  }

  /** The record, or null when the caller may not read it (or it is gone). */
  private static <T> T readable(java.util.function.LongFunction<T> read, long id) {
    try {
      return read.apply(id);
    } catch (NotFoundException e) {
      return null;
    }
  }

  private void dealOf(Context c, Long dealId) {
    if (dealId != null) {
      c.model.put("deal", model(deals.get(dealId)));
      c.links.add(new ItemLink(ItemType.DEAL, dealId));
    }
  }

  /** A draft quote or invoice that went out is SENT now. */
  private void markSent(Context c) {
    if (c.markQuoteSent && c.quote.status() == QuoteStatus.DRAFT) {
      quotes.changeStatus(c.quote.id(), QuoteStatus.SENT, null);
    }
    if (c.attachInvoice && c.invoice.status() == InvoiceStatus.DRAFT) {
      invoices.changeStatus(c.invoice.id(), InvoiceStatus.SENT, null);
    }
  }

  private Map<String, Object> model(Object view) {
    return SandboxedTemplates.model(json, view);
  }

  private static List<String> addresses(String recipient) {
    List<String> result = new ArrayList<>();
    for (String part : recipient.split("[,;]")) {
      String address = part.strip();
      if (address.isEmpty()) {
        continue;
      }
      try {
        new InternetAddress(address, true).validate();
      } catch (AddressException e) {
        throw new InvalidFieldException("recipient", "'" + address + "' is not an e-mail address");
      }
      result.add(address);
    }
    return result;
  }

  /** A plain-text rendering of the HTML body, for the text part and the timeline. */
  static String text(String html) {
    return html.replaceAll("(?i)<br\\s*/?>|</p>|</tr>|</h[1-6]>", "\n")
        .replaceAll("(?i)</t[dh]>", " ")
        .replaceAll("<[^>]+>", "")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
        .replaceAll("[ \\t]+", " ")
        .replaceAll("\\n\\s*\\n+", "\n\n")
        .strip();
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }

  private record Attachment(String name, byte[] content) {}

  /** What a mail is about. */
  private static final class Context {
    final Map<String, Object> model = new HashMap<>();
    final List<String> recipients = new ArrayList<>();
    final java.util.Set<ItemLink> links = new java.util.LinkedHashSet<>();
    QuoteView quote;
    InvoiceView invoice;
    boolean attachInvoice;
    boolean markQuoteSent;
  }
}
