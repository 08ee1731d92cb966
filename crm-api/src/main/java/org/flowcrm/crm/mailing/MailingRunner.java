package org.flowcrm.crm.mailing;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import jakarta.annotation.PreDestroy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.flowcrm.crm.contact.ContactService;
import org.flowcrm.crm.contact.ContactView;
import org.flowcrm.crm.lead.LeadService;
import org.flowcrm.crm.lead.LeadView;
import org.flowcrm.crm.link.ItemLink;
import org.flowcrm.crm.link.ItemType;
import org.flowcrm.crm.mail.MailDeliveryException;
import org.flowcrm.crm.mail.MailService;
import org.flowcrm.crm.mail.MailTemplateService;
import org.flowcrm.crm.mail.MailTemplateView;
import org.flowcrm.crm.mail.RenderedMail;
import org.flowcrm.crm.permission.SystemUser;
import org.flowcrm.crm.shared.Email;
import org.flowcrm.crm.shared.InvalidFieldException;
import org.flowcrm.crm.shared.NotFoundException;
import org.flowcrm.crm.shared.SandboxedTemplates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends mailings in the background, one recipient after the other on one thread, at most {@code
 * flowcrm.mailings.mails-per-minute} mails a minute over all mailings (SMTP servers and their
 * providers limit senders; a burst gets the CRM's domain on block lists). It runs as the system
 * user: who is mailed was decided in the caller's scope when the mailing started.
 *
 * <p>Each recipient's outcome is written as soon as it is known, so a restart resumes with the
 * recipients still PENDING. A crash between the SMTP hand-over and that write would mail one
 * recipient twice; the mail log's dedupe key (mailing and recipient) prevents it.
 */
@Component
class MailingRunner {

  private static final Logger log = LoggerFactory.getLogger(MailingRunner.class);
  private static final int BATCH = 100;

  private final Mailings mailings;
  private final Subscribers subscribers;
  private final MailTemplateService templates;
  private final MailService mail;
  private final ContactService contacts;
  private final LeadService leads;
  private final SystemUser systemUser;
  private final JsonMapper json;
  private final String publicUrl;
  private final long intervalNanos;
  private final Set<Long> queued = ConcurrentHashMap.newKeySet();
  private final ExecutorService executor =
      Executors.newSingleThreadExecutor(
          task -> {
            Thread thread = new Thread(task, "mailing");
            thread.setDaemon(true);
            return thread;
          });
  private long nextSendAt = System.nanoTime();

  MailingRunner(
      Mailings mailings,
      Subscribers subscribers,
      MailTemplateService templates,
      MailService mail,
      ContactService contacts,
      LeadService leads,
      SystemUser systemUser,
      JsonMapper json,
      @Value("${flowcrm.public-url:http://localhost:8080}") String publicUrl,
      @Value("${flowcrm.mailings.mails-per-minute:60}") int mailsPerMinute) {
    if (mailsPerMinute < 1) {
      throw new IllegalArgumentException(
          "flowcrm.mailings.mails-per-minute must be at least 1 (was " + mailsPerMinute + ")");
    }
    this.mailings = mailings;
    this.subscribers = subscribers;
    this.templates = templates;
    this.mail = mail;
    this.contacts = contacts;
    this.leads = leads;
    this.systemUser = systemUser;
    this.json = json;
    this.publicUrl =
        publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    this.intervalNanos = TimeUnit.MINUTES.toNanos(1) / mailsPerMinute;
  }

  /** Mailings the last shutdown interrupted go on where they stopped. */
  @EventListener(ApplicationReadyEvent.class)
  void resumeAfterRestart() {
    int resumed = resume();
    if (resumed > 0) {
      log.info("Resuming {} mailings interrupted by the last shutdown", resumed);
    }
  }

  /** Queues every RUNNING mailing that is not queued yet; returns how many were queued. */
  int resume() {
    int count = 0;
    for (long id : mailings.running()) {
      if (submit(id)) {
        count++;
      }
    }
    return count;
  }

  @PreDestroy
  void stop() {
    executor.shutdownNow();
  }

  /** Queues a mailing unless it is queued already. */
  boolean submit(long mailingId) {
    if (!queued.add(mailingId)) {
      return false;
    }
    executor.execute(
        () -> {
          try {
            systemUser.runAs(() -> run(mailingId));
          } catch (RuntimeException e) {
            log.warn("Mailing {} failed", mailingId, e);
            mailings.finish(mailingId, MailingStatus.FAILED, reason(e));
          } finally {
            queued.remove(mailingId);
          }
        });
    return true;
  }

  private void run(long mailingId) {
    Mailings.Mailing mailing = mailings.find(mailingId).orElse(null);
    if (mailing == null || mailing.status() != MailingStatus.RUNNING) {
      return;
    }
    MailTemplateView template;
    try {
      template = templates.find(mailing.template(), mailing.locale());
    } catch (NotFoundException gone) {
      mailings.finish(
          mailingId,
          MailingStatus.FAILED,
          "The mail template " + mailing.template() + " no longer exists");
      return;
    }
    while (true) {
      List<Long> next = mailings.pending(mailingId, BATCH);
      if (next.isEmpty()) {
        mailings.finish(mailingId, MailingStatus.DONE, null);
        log.info("Mailing {} done: {}", mailingId, mailings.counts(mailingId));
        return;
      }
      for (long entityId : next) {
        if (!sendTo(mailing, template, entityId)) {
          return; // interrupted by a shutdown: the rest stays PENDING for the next start
        }
      }
    }
  }

  /** Mails one recipient or records why not; false when interrupted before sending. */
  private boolean sendTo(Mailings.Mailing mailing, MailTemplateView template, long entityId) {
    ItemType type = mailing.entityType();
    Object view;
    List<Email> emails;
    try {
      if (type == ItemType.CONTACT) {
        ContactView contact = contacts.get(entityId);
        view = contact;
        emails = contact.emails();
      } else {
        LeadView lead = leads.get(entityId);
        view = lead;
        emails = lead.emails();
      }
    } catch (NotFoundException gone) {
      done(mailing, entityId, RecipientStatus.FAILED, null, "The record was deleted meanwhile");
      return true;
    }
    String email =
        emails.stream()
            .map(Email::value)
            .filter(v -> v != null && !v.isBlank())
            .findFirst()
            .orElse(null);
    if (email == null) {
      done(mailing, entityId, RecipientStatus.SKIPPED_NO_EMAIL, null, null);
      return true;
    }
    if (subscribers.optedOut(type, entityId, email)) {
      done(mailing, entityId, RecipientStatus.SKIPPED_UNSUBSCRIBED, email, null);
      return true;
    }
    String unsubscribeUrl =
        publicUrl + "/api/v1/public/unsubscribe/" + subscribers.tokenFor(type, entityId, email);
    Map<String, Object> recipient = SandboxedTemplates.model(json, view);
    Map<String, Object> model = new HashMap<>();
    model.put(type == ItemType.CONTACT ? "contact" : "lead", recipient);
    model.put("recipient", recipient);
    model.put("unsubscribeUrl", unsubscribeUrl);
    RenderedMail rendered;
    try {
      rendered = templates.render(template, model);
    } catch (InvalidFieldException unrenderable) {
      done(
          mailing,
          entityId,
          RecipientStatus.FAILED,
          email,
          unrenderable.problems().get(0).message());
      return true;
    }
    if (!template.body().contains("unsubscribeUrl")) {
      // every mail of a mailing carries the way out, also when the template forgot it
      rendered =
          new RenderedMail(
              rendered.subject(),
              rendered.htmlBody()
                  + "\n<p style=\"font-size:small;color:#666\">You receive this mail from our CRM."
                  + " <a href=\""
                  + htmlEscape(unsubscribeUrl)
                  + "\">Unsubscribe</a></p>");
    }
    try {
      throttle();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return false;
    }
    try {
      mail.sendRendered(
          "mailing:" + mailing.id() + ":" + entityId,
          template.code(),
          email,
          rendered,
          new ItemLink(type, entityId),
          Map.of(
              // RFC 2369 and RFC 8058: mail programs offer their own unsubscribe button
              "List-Unsubscribe",
              "<" + unsubscribeUrl + ">",
              "List-Unsubscribe-Post",
              "List-Unsubscribe=One-Click"));
    } catch (MailDeliveryException | InvalidFieldException | NotFoundException e) {
      done(mailing, entityId, RecipientStatus.FAILED, email, reason(e));
      return true;
    }
    done(mailing, entityId, RecipientStatus.SENT, email, null);
    return true;
  }

  private void done(
      Mailings.Mailing mailing, long entityId, RecipientStatus status, String email, String error) {
    mailings.done(mailing.id(), entityId, status, email, error);
  }

  /** Waits until the next mail may go out, so that mails leave evenly spread over the minute. */
  private void throttle() throws InterruptedException {
    long now = System.nanoTime();
    long wait = nextSendAt - now;
    if (wait > 0) {
      TimeUnit.NANOSECONDS.sleep(wait);
    }
    nextSendAt = Math.max(now, nextSendAt) + intervalNanos;
  }

  private static String reason(RuntimeException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
