package org.flowcrm.crm.inbox;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import jakarta.validation.Valid;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import org.flowcrm.crm.activity.ActivityService;
import org.flowcrm.crm.activity.ActivityView;
import org.flowcrm.crm.importing.ImportEntityType;
import org.flowcrm.crm.importing.ImportService;
import org.flowcrm.crm.permission.AccessPolicy;
import org.flowcrm.crm.permission.SystemUser;
import org.flowcrm.crm.shared.ConflictException;
import org.flowcrm.crm.shared.FieldProblem;
import org.flowcrm.crm.shared.InvalidFieldException;
import org.flowcrm.crm.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Incoming mail: the public API of the feature. {@link #poll(Mailbox)} reads a mailbox's unseen
 * mails, files each (see {@link InboundMailFiler}) and marks it seen; a mail that fails stays
 * unseen for the next poll. A failing poll is logged and shown in {@link #status()}, never thrown
 * out of the scheduled poll.
 */
@Service
@Validated
public class InboundMailService {

  private static final Logger log = LoggerFactory.getLogger(InboundMailService.class);

  /** Incoming mail settings are for administrators only. */
  private static final String SETTING = "INCOMING_MAIL";

  private static final Pattern PATTERN =
      Pattern.compile(
          "^([^@\\s]+@)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$");

  private static final int TIMEOUT_MILLIS = 20_000;

  private final InboundMailSettings settings;
  private final InboundMailFiler filer;
  private final Exclusions exclusions;
  private final ImportService imports;
  private final SystemUser systemUser;
  private final AccessPolicy policy;
  private final JdbcClient jdbc;
  private final ActivityService activities;

  private final Object statusLock = new Object();
  private Instant lastPollAt;
  private Instant lastSuccessAt;
  private int lastPollMessages;
  private long totalFiled;
  private String lastError;
  private Instant lastErrorAt;

  InboundMailService(
      InboundMailSettings settings,
      InboundMailFiler filer,
      Exclusions exclusions,
      ImportService imports,
      SystemUser systemUser,
      AccessPolicy policy,
      JdbcClient jdbc,
      ActivityService activities) {
    this.settings = settings;
    this.filer = filer;
    this.exclusions = exclusions;
    this.imports = imports;
    this.systemUser = systemUser;
    this.policy = policy;
    this.jdbc = jdbc;
    this.activities = activities;
  }

  /** Polls the configured mailbox now (administrators); 409 when none is configured. */
  public PollResult pollNow() {
    policy.requireAdministrator(SETTING);
    Mailbox mailbox = settings.mailbox();
    if (mailbox == null) {
      throw new ConflictException(
          "No mailbox is configured: set flowcrm.mail.inbound.host (and user, password)");
    }
    return poll(mailbox);
  }

  /** The scheduled poll of the configured mailbox: failures are logged and kept, never thrown. */
  void pollConfigured() {
    Mailbox mailbox = settings.mailbox();
    if (mailbox == null) {
      return;
    }
    try {
      poll(mailbox);
    } catch (RuntimeException e) {
      // already recorded in the status by poll(); the next period tries again
      log.debug("Polling {} failed", mailbox.describe(), e);
    }
  }

  /**
   * Reads the unseen mails of {@code mailbox} and files each once (as the system user); throws
   * {@link MailboxUnavailableException} when the mailbox cannot be read at all. One poll at a time:
   * "poll now" and the schedule never read the same mail together.
   */
  public synchronized PollResult poll(Mailbox mailbox) {
    Instant started = Instant.now();
    synchronized (statusLock) {
      lastPollAt = started;
    }
    int read = 0;
    int[] counts = new int[InboundMailFiler.Outcome.values().length];
    int failed = 0;
    List<ParsedMail.Attachment> vCards = new ArrayList<>();
    Properties properties = new Properties();
    String p = "mail." + mailbox.protocol() + ".";
    properties.put(p + "connectiontimeout", String.valueOf(TIMEOUT_MILLIS));
    properties.put(p + "timeout", String.valueOf(TIMEOUT_MILLIS));
    properties.put(p + "writetimeout", String.valueOf(TIMEOUT_MILLIS));
    Session session = Session.getInstance(properties);
    try (Store store = session.getStore(mailbox.protocol())) {
      store.connect(
          mailbox.host(),
          mailbox.port() > 0 ? mailbox.port() : -1,
          mailbox.user(),
          mailbox.password());
      Folder folder = store.getFolder(mailbox.folder());
      folder.open(Folder.READ_WRITE);
      try {
        Message[] unseen = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
        for (Message message : unseen) {
          read++;
          try {
            ParsedMail mail = MailParser.parse((MimeMessage) message);
            InboundMailFiler.Outcome outcome =
                systemUser.runAs(() -> filer.file(mail, settings.maxAttachmentSize().toBytes()));
            counts[outcome.ordinal()]++;
            if (outcome != InboundMailFiler.Outcome.EXCLUDED
                && outcome != InboundMailFiler.Outcome.DUPLICATE) {
              vCards.addAll(InboundMailFiler.vCards(mail));
            }
            message.setFlag(Flags.Flag.SEEN, true);
          } catch (Exception e) {
            failed++;
            log.warn(
                "Incoming mail {} could not be filed; it stays unseen for the next poll",
                message.getMessageNumber(),
                e);
            remember("Mail " + message.getMessageNumber() + ": " + describe(e));
            message.setFlag(Flags.Flag.SEEN, false);
          }
        }
      } finally {
        folder.close(false);
      }
    } catch (MessagingException e) {
      String error = "Cannot read " + mailbox.describe() + ": " + describe(e);
      log.warn("Polling incoming mail failed: {}", error);
      remember(error);
      throw new MailboxUnavailableException(error, e);
    }
    // after the mails' transactions committed: the import runs in the background and must see them
    for (ParsedMail.Attachment card : vCards) {
      try {
        systemUser.runAs(
            () -> {
              long id =
                  imports.upload(ImportEntityType.CONTACT, card.fileName(), card.content()).id();
              imports.start(id);
            });
      } catch (RuntimeException e) {
        log.warn("The vCard {} of an incoming mail could not be imported", card.fileName(), e);
        remember("vCard " + card.fileName() + ": " + describe(e));
      }
    }
    int filedNow =
        counts[InboundMailFiler.Outcome.FILED.ordinal()]
            + counts[InboundMailFiler.Outcome.NEW_LEAD.ordinal()];
    synchronized (statusLock) {
      lastSuccessAt = Instant.now();
      lastPollMessages = read;
      totalFiled += filedNow;
    }
    if (read > 0) {
      log.info(
          "Incoming mail: {} read, {} filed, {} new leads, {} excluded, {} failed",
          read,
          counts[InboundMailFiler.Outcome.FILED.ordinal()],
          counts[InboundMailFiler.Outcome.NEW_LEAD.ordinal()],
          counts[InboundMailFiler.Outcome.EXCLUDED.ordinal()],
          failed);
    }
    return new PollResult(
        read,
        counts[InboundMailFiler.Outcome.FILED.ordinal()],
        counts[InboundMailFiler.Outcome.NEW_LEAD.ordinal()],
        counts[InboundMailFiler.Outcome.EXCLUDED.ordinal()],
        counts[InboundMailFiler.Outcome.IGNORED.ordinal()],
        counts[InboundMailFiler.Outcome.DUPLICATE.ordinal()],
        failed);
  }

  /** What the poller did last (administrators). */
  public InboundMailStatus status() {
    policy.requireAdministrator(SETTING);
    Mailbox mailbox = settings.mailbox();
    synchronized (statusLock) {
      return new InboundMailStatus(
          settings.enabled() && mailbox != null,
          mailbox == null ? null : mailbox.describe(),
          lastPollAt,
          lastSuccessAt,
          lastPollMessages,
          totalFiled,
          lastError,
          lastErrorAt);
    }
  }

  public ExclusionList exclusions() {
    policy.requireAdministrator(SETTING);
    return new ExclusionList(exclusions.stored(), exclusions.configured());
  }

  /** Replaces the administrators' exclusion list (the configured one stays). */
  @Transactional
  public ExclusionList replaceExclusions(@Valid ExclusionList list) {
    policy.requireAdministrator(SETTING);
    Set<String> patterns = new LinkedHashSet<>();
    List<FieldProblem> problems = new ArrayList<>();
    for (int i = 0; i < list.patterns().size(); i++) {
      String pattern = Exclusions.normalise(list.patterns().get(i));
      if (!PATTERN.matcher(pattern).matches()) {
        problems.add(
            new FieldProblem(
                "patterns[" + i + "]",
                "must be an e-mail address (news@example.com) or a domain (example.com), not '"
                    + list.patterns().get(i)
                    + "'"));
      }
      patterns.add(pattern);
    }
    if (!problems.isEmpty()) {
      throw new InvalidFieldException(problems);
    }
    exclusions.replace(patterns);
    return new ExclusionList(exclusions.stored(), exclusions.configured());
  }

  /**
   * The attachments kept on an EMAIL activity; 404 unless the caller may read the activity (read on
   * a record it is linked to).
   */
  public List<AttachmentView> attachments(long activityId) {
    activities.get(activityId);
    return jdbc.sql(
            "SELECT id, activity_id, file_name, content_type, size_bytes FROM"
                + " crm_inbound_mail_attachment WHERE activity_id = :a ORDER BY id")
        .param("a", activityId)
        .query(
            (rs, n) ->
                new AttachmentView(
                    rs.getLong("id"),
                    rs.getLong("activity_id"),
                    rs.getString("file_name"),
                    rs.getString("content_type"),
                    rs.getLong("size_bytes")))
        .list();
  }

  /**
   * The attachments of activities the caller has read already (a timeline's entries), by activity
   * id, in one query; activities without attachments are left out.
   */
  public Map<Long, List<AttachmentView>> attachmentsOf(List<ActivityView> readable) {
    if (readable.isEmpty()) {
      return Map.of();
    }
    Map<Long, List<AttachmentView>> byActivity = new LinkedHashMap<>();
    jdbc.sql(
            "SELECT id, activity_id, file_name, content_type, size_bytes FROM"
                + " crm_inbound_mail_attachment WHERE activity_id IN (:ids) ORDER BY id")
        .param("ids", readable.stream().map(ActivityView::id).toList())
        .query(
            (rs, n) ->
                new AttachmentView(
                    rs.getLong("id"),
                    rs.getLong("activity_id"),
                    rs.getString("file_name"),
                    rs.getString("content_type"),
                    rs.getLong("size_bytes")))
        .list()
        .forEach(a -> byActivity.computeIfAbsent(a.activityId(), k -> new ArrayList<>()).add(a));
    return byActivity;
  }

  /** One attachment's content; 404 unless the caller may read its activity. */
  public AttachmentContent attachment(long id) {
    Long activityId =
        jdbc.sql("SELECT activity_id FROM crm_inbound_mail_attachment WHERE id = :id")
            .param("id", id)
            .query(Long.class)
            .optional()
            .orElseThrow(() -> new NotFoundException("Attachment", id));
    try {
      activities.get(activityId);
    } catch (NotFoundException unreadable) {
      throw new NotFoundException("Attachment", id);
    }
    return jdbc.sql(
            "SELECT file_name, content_type, content FROM crm_inbound_mail_attachment WHERE id = :id")
        .param("id", id)
        .query(
            (rs, n) ->
                new AttachmentContent(
                    rs.getString("file_name"),
                    rs.getString("content_type"),
                    rs.getBytes("content")))
        .optional()
        .orElseThrow(() -> new NotFoundException("Attachment", id));
  }

  private void remember(String error) {
    synchronized (statusLock) {
      lastError = error.length() > 1000 ? error.substring(0, 1000) : error;
      lastErrorAt = Instant.now();
    }
  }

  private static String describe(Exception e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
