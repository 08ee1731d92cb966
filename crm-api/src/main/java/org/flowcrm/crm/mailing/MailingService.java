package org.flowcrm.crm.mailing;

import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.flowcrm.crm.contact.ContactFilter;
import org.flowcrm.crm.contact.ContactService;
import org.flowcrm.crm.lead.LeadFilter;
import org.flowcrm.crm.lead.LeadService;
import org.flowcrm.crm.link.ItemType;
import org.flowcrm.crm.mail.MailTemplateService;
import org.flowcrm.crm.mail.MailTemplateView;
import org.flowcrm.crm.permission.AccessPolicy;
import org.flowcrm.crm.permission.Action;
import org.flowcrm.crm.permission.EntityType;
import org.flowcrm.crm.shared.BadParameterException;
import org.flowcrm.crm.shared.CursorPage;
import org.flowcrm.crm.shared.ForbiddenException;
import org.flowcrm.crm.shared.InvalidFieldException;
import org.flowcrm.crm.shared.ListRequest;
import org.flowcrm.crm.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.annotation.Validated;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Group mailings: the public API of the feature. Starting one needs READ on the kind of record it
 * goes to; it goes to the records the caller may read (picked ones are each checked, 404 when he
 * may not read one; a filter matches within his scope), fixed when it starts. A mailing is seen by
 * the user who started it and by administrators (404 for others).
 *
 * <p>The public side: the unsubscribe link of a mail names its recipient by an unguessable token
 * only; following it and confirming opts the contact or lead out of every later mailing.
 */
@Service
@Validated
public class MailingService {

  /** At most this many mailings are listed (newest first). */
  public static final int LISTED = 100;

  private static final String SETTING = "MAILINGS";

  private final Mailings mailings;
  private final Subscribers subscribers;
  private final MailingRunner runner;
  private final MailTemplateService templates;
  private final ContactService contacts;
  private final LeadService leads;
  private final AccessPolicy policy;
  private final JsonMapper json;
  private final TransactionTemplate writing;
  private final TransactionTemplate reading;

  MailingService(
      Mailings mailings,
      Subscribers subscribers,
      MailingRunner runner,
      MailTemplateService templates,
      ContactService contacts,
      LeadService leads,
      AccessPolicy policy,
      JsonMapper json,
      PlatformTransactionManager transactions) {
    this.mailings = mailings;
    this.subscribers = subscribers;
    this.runner = runner;
    this.templates = templates;
    this.contacts = contacts;
    this.leads = leads;
    this.policy = policy;
    this.json = json;
    this.writing = new TransactionTemplate(transactions);
    this.reading = new TransactionTemplate(transactions);
    this.reading.setReadOnly(true);
  }

  /**
   * Starts a mailing: checks the template and the selection (400/422 naming the field), fixes the
   * recipients and queues the mailing; returns it with its total, nothing sent yet.
   */
  public MailingView start(@Valid MailingCommand command) {
    EntityType entity = entity(command.entityType());
    policy.requireAny(entity, Action.READ);
    requireListTemplate(command);
    List<Long> ids = recipients(command, entity);
    long caller = policy.callerId();
    long id =
        writing.execute(
            status -> {
              long created =
                  mailings.insert(
                      command.entityType(), command.template(), locale(command), caller);
              mailings.insertRecipients(created, ids);
              return created;
            });
    runner.submit(id);
    return view(mailings.find(id).orElseThrow());
  }

  /**
   * How many records a mailing with this selection would go to, checked as {@link #start} checks it
   * (for the confirmation step, before a template is chosen: the template is not looked at).
   */
  public int countRecipients(MailingCommand command) {
    EntityType entity = entity(command.entityType());
    policy.requireAny(entity, Action.READ);
    return recipients(command, entity).size();
  }

  /** A mailing and its progress; 404 unless the caller started it or is an administrator. */
  public MailingView get(long id) {
    Mailings.Mailing mailing =
        mailings
            .find(id)
            .filter(m -> m.createdBy() == policy.callerId() || administrator())
            .orElseThrow(() -> new NotFoundException("Mailing", id));
    return view(mailing);
  }

  /** The caller's latest mailings (an administrator's: everybody's), newest first. */
  public List<MailingView> list() {
    Long createdBy = administrator() ? null : policy.callerId();
    return mailings.latest(createdBy, LISTED).stream()
        .map(id -> view(mailings.find(id).orElseThrow()))
        .toList();
  }

  /**
   * Queues the mailings still RUNNING that no thread works on, as a start after a shutdown does;
   * returns how many were queued.
   */
  public int resumeUnfinished() {
    return runner.resume();
  }

  /**
   * The address an unsubscribe token stands for, partly masked (the page confirms whom it
   * unsubscribes without revealing the address to whoever holds the link), and whether it opted out
   * already; empty for an unknown token.
   */
  public Optional<Unsubscription> unsubscription(String token) {
    return subscribers.byToken(token).map(s -> new Unsubscription(mask(s.email()), s.optedOut()));
  }

  /** Opts the token's contact or lead out of later mailings; false for an unknown token. */
  public boolean unsubscribe(String token) {
    return subscribers.optOut(token);
  }

  /** What the public unsubscribe page shows. */
  public record Unsubscription(String maskedEmail, boolean optedOut) {}

  private static EntityType entity(ItemType type) {
    if (type == null) {
      throw new BadParameterException("entityType", "is required: CONTACT or LEAD");
    }
    return switch (type) {
      case CONTACT -> EntityType.CONTACT;
      case LEAD -> EntityType.LEAD;
      default ->
          throw new InvalidFieldException(
              "entityType", "a mailing goes to CONTACT or LEAD records (was " + type + ")");
    };
  }

  /** The template must exist and be about no document (a quote or invoice is one record's). */
  private void requireListTemplate(MailingCommand command) {
    MailTemplateView template;
    try {
      template = templates.find(command.template(), locale(command));
    } catch (NotFoundException missing) {
      throw new InvalidFieldException(
          "template", "there is no mail template with the code " + command.template());
    }
    if (template.documentType() != null) {
      throw new InvalidFieldException(
          "template",
          "mail template "
              + template.code()
              + " is about a "
              + template.documentType()
              + " and cannot go to a list; choose a template without a document");
    }
  }

  private List<Long> recipients(MailingCommand command, EntityType entity) {
    if (command.ids() == null && command.filter() == null) {
      throw new BadParameterException(
          "ids", "give the ids of the records, or a filter (may be {}) to select all it matches");
    }
    if (command.ids() != null && command.filter() != null) {
      throw new BadParameterException("filter", "give either ids or a filter, not both");
    }
    if (command.ids() != null && command.ids().isEmpty()) {
      throw new BadParameterException("ids", "select at least one record");
    }
    List<Long> ids =
        reading.execute(status -> command.ids() != null ? picked(command) : matching(command));
    if (ids.isEmpty()) {
      throw new InvalidFieldException(
          "filter",
          "matches no " + entity.label().toLowerCase() + " you may read; nobody would be mailed");
    }
    return ids;
  }

  /** The picked records, each readable by the caller (404 otherwise, as reading it alone). */
  private List<Long> picked(MailingCommand command) {
    List<Long> ids = new ArrayList<>(new LinkedHashSet<>(command.ids()));
    for (long id : ids) {
      if (command.entityType() == ItemType.CONTACT) {
        contacts.get(id);
      } else {
        leads.get(id);
      }
    }
    return ids;
  }

  /** Every record the filter matches in the caller's scope, in id order. */
  private List<Long> matching(MailingCommand command) {
    return command.entityType() == ItemType.CONTACT
        ? all(
            request -> contacts.list(filter(command.filter(), ContactFilter.class), request),
            v -> v.id())
        : all(
            request -> leads.list(filter(command.filter(), LeadFilter.class), request),
            v -> v.id());
  }

  private static <V> List<Long> all(
      Function<ListRequest, CursorPage<V>> pages, Function<V, Long> id) {
    List<Long> ids = new ArrayList<>();
    ListRequest request = new ListRequest("id", ListRequest.MAX_LIMIT, null);
    while (request != null) {
      CursorPage<V> page = pages.apply(request);
      page.items().forEach(v -> ids.add(id.apply(v)));
      request = page.nextCursor() == null ? null : request.withAfter(page.nextCursor());
    }
    return ids;
  }

  private <F> F filter(JsonNode node, Class<F> type) {
    try {
      return json.treeToValue(node, type);
    } catch (JacksonException | IllegalArgumentException e) {
      throw new BadParameterException(
          "filter",
          "is not a "
              + type.getSimpleName()
              + ": "
              + (e instanceof JacksonException j ? j.getOriginalMessage() : e.getMessage()));
    }
  }

  private boolean administrator() {
    try {
      policy.requireAdministrator(SETTING);
      return true;
    } catch (ForbiddenException notAdministrator) {
      return false;
    }
  }

  private static String locale(MailingCommand command) {
    return command.locale() == null || command.locale().isBlank() ? null : command.locale();
  }

  private MailingView view(Mailings.Mailing m) {
    Map<RecipientStatus, Integer> counts = mailings.counts(m.id());
    int total = counts.values().stream().mapToInt(Integer::intValue).sum();
    return new MailingView(
        m.id(),
        m.entityType(),
        m.template(),
        m.locale(),
        m.status(),
        total,
        counts.get(RecipientStatus.SENT),
        counts.get(RecipientStatus.SKIPPED_NO_EMAIL),
        counts.get(RecipientStatus.SKIPPED_UNSUBSCRIBED),
        counts.get(RecipientStatus.FAILED),
        counts.get(RecipientStatus.PENDING),
        m.error(),
        m.createdBy(),
        m.createdAt(),
        m.finishedAt());
  }

  /** {@code a***@example.com}: enough to recognise one's own address. */
  static String mask(String email) {
    int at = email.indexOf('@');
    if (at <= 0) {
      return "***";
    }
    return email.charAt(0) + "***" + email.substring(at);
  }
}
