package org.flowcrm.crm.activity;

import jakarta.validation.Valid;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.flowcrm.crm.link.LinkService;
import org.flowcrm.crm.link.LinkedRecordAccess;
import org.flowcrm.crm.permission.ScopeFilter;
import org.flowcrm.crm.shared.BadParameterException;
import org.flowcrm.crm.shared.CursorPage;
import org.flowcrm.crm.shared.KeysetQuery;
import org.flowcrm.crm.shared.ListRequest;
import org.flowcrm.crm.shared.NotFoundException;
import org.flowcrm.crm.shared.SortField;
import org.flowcrm.crm.shared.SortOrder;
import org.flowcrm.crm.shared.SortType;
import org.flowcrm.crm.shared.Versions;
import org.flowcrm.crm.user.UserService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/** Activities: the public API of the feature. */
@Service
@Validated
@Transactional(readOnly = true)
public class ActivityService {

  public static final List<SortField> SORT_FIELDS =
      List.of(
          new SortField("id", "a.id", SortType.LONG),
          new SortField("startsAt", "a.starts_at", SortType.TIMESTAMP),
          new SortField("createdAt", "a.created_at", SortType.TIMESTAMP));
  private static final SortOrder DEFAULT_SORT = new SortOrder(SORT_FIELDS.get(1), true);

  private final Activities activities;
  private final UserService users;
  private final LinkService links;
  private final LinkedRecordAccess access;
  private final JdbcTemplate jdbc;

  ActivityService(
      Activities activities,
      UserService users,
      LinkService links,
      LinkedRecordAccess access,
      JdbcTemplate jdbc) {
    this.activities = activities;
    this.users = users;
    this.links = links;
    this.access = access;
    this.jdbc = jdbc;
  }

  /** Needs UPDATE on every record it is linked to (see {@link LinkedRecordAccess}). */
  @Transactional
  public ActivityView create(@Valid ActivityCommand command) {
    check(command);
    access.requireAttach(command.links(), command.responsibleId(), "links", "responsibleId");
    Activity activity = new Activity(command.type(), access.callerId());
    activity.update(command);
    return ActivityView.of(activities.saveAndFlush(activity));
  }

  /**
   * Creates the activity once per {@code dedupeKey} (a process step, a mail): a repeated call
   * returns the activity created the first time and changes nothing. The caller has decided that
   * the entry may be written: processes run as the system user, and the mail service checks UPDATE
   * on the record a mail is about before it sends and records it.
   */
  @Transactional
  public ActivityView record(@Valid ActivityCommand command, String dedupeKey) {
    var existing = activities.findByDedupeKey(dedupeKey);
    if (existing.isPresent()) {
      return ActivityView.of(existing.get());
    }
    check(command);
    Activity activity = new Activity(command.type(), access.callerId());
    activity.update(command);
    activity.dedupeBy(dedupeKey);
    return ActivityView.of(activities.saveAndFlush(activity));
  }

  /** 404 unless the caller may read it. */
  public ActivityView get(long id) {
    Activity activity = require(id);
    access.requireRead(entry(activity));
    return ActivityView.of(activity);
  }

  /**
   * 404 unless readable, 403 unless the caller may change it and attach it to its new links (UPDATE
   * on every record it is and will be linked to).
   */
  @Transactional
  public ActivityView update(long id, @Valid ActivityCommand command, Long expectedVersion) {
    Activity activity = require(id);
    access.requireChange(entry(activity));
    Versions.check("Activity", id, activity.getVersion(), expectedVersion);
    check(command);
    access.requireAttach(command.links(), command.responsibleId(), "links", "responsibleId");
    activity.update(command);
    return ActivityView.of(activities.saveAndFlush(activity));
  }

  /** Its responsible and its author may always complete it; others need to be able to change it. */
  @Transactional
  public ActivityView complete(long id) {
    Activity activity = require(id);
    access.requireComplete(entry(activity));
    activity.complete();
    return ActivityView.of(activities.saveAndFlush(activity));
  }

  @Transactional
  public void delete(long id, Long expectedVersion) {
    Activity activity = require(id);
    access.requireChange(entry(activity));
    Versions.check("Activity", id, activity.getVersion(), expectedVersion);
    activities.delete(activity);
  }

  /**
   * A user's open activities, overdue ones first (by date): the caller's own when {@code userId} is
   * {@code null}; another user's only as far as the caller may read them.
   */
  public CursorPage<ActivityView> mine(Long userId, ListRequest request) {
    return list(
        new ActivityFilter(
            null, userId == null ? access.callerId() : userId, false, null, null, null, null, null),
        new ListRequest("startsAt", request.limit(), request.after()));
  }

  /**
   * Open activities whose reminder is due by {@code now} and was not sent yet; marks them sent (for
   * the notification centre's scheduler).
   */
  @Transactional
  public List<ActivityView> takeDueReminders(Instant now) {
    List<Activity> due =
        activities.findByReminderSentAtIsNullAndReminderAtLessThanEqualAndCompletedFalse(now);
    due.forEach(Activity::reminderSent);
    return due.stream().map(ActivityView::of).toList();
  }

  /**
   * The activities the caller may read, filtered in SQL so pages and cursors never leak. An item's
   * timeline ({@code itemType} + {@code itemId}) is 404 when the caller may not read the item, and
   * then needs no further filter: whoever reads a record reads what is linked to it.
   */
  public CursorPage<ActivityView> list(ActivityFilter f, ListRequest request) {
    SortOrder order = SortOrder.parse(request.sort(), SORT_FIELDS, DEFAULT_SORT);
    if ((f.itemType() == null) != (f.itemId() == null)) {
      throw new BadParameterException(
          f.itemType() == null ? "itemType" : "itemId", "give itemType and itemId together");
    }
    KeysetQuery query =
        new KeysetQuery("crm_activity a", "a.id")
            .whereIfPresent(f.type() == null ? null : f.type().name(), "a.type = ?")
            .whereIfPresent(f.responsibleId(), "a.responsible_id = ?")
            .whereIfPresent(f.completed(), "a.completed = ?")
            .whereIfPresent(f.from() == null ? null : Timestamp.from(f.from()), "a.starts_at >= ?")
            .whereIfPresent(f.to() == null ? null : Timestamp.from(f.to()), "a.starts_at < ?");
    if (Boolean.TRUE.equals(f.overdue())) {
      query.where("a.completed = FALSE AND a.starts_at < ?", Timestamp.from(Instant.now()));
    }
    if (f.itemType() != null) {
      access.requireReadable(f.itemType(), f.itemId());
      query.where(
          "EXISTS (SELECT 1 FROM crm_activity_link l WHERE l.activity_id = a.id"
              + " AND l.item_type = ? AND l.item_id = ?)",
          f.itemType().name(),
          f.itemId());
    } else {
      readFilter("a").applyTo(query);
    }
    KeysetQuery.Page page = query.page(jdbc, order, request);
    Map<Long, Activity> found =
        activities.findAllById(page.ids()).stream()
            .collect(Collectors.toMap(Activity::getId, Function.identity()));
    return new CursorPage<>(
        page.ids().stream().map(found::get).filter(Objects::nonNull).map(ActivityView::of).toList(),
        page.nextCursor());
  }

  /**
   * The activities the caller may read, as a SQL condition on {@code crm_activity} under {@code
   * alias}: for queries of other features (reports) over activities.
   */
  public ScopeFilter readFilter(String alias) {
    return access.readFilter(alias, "crm_activity_link", "activity_id", "created_by", null);
  }

  private static LinkedRecordAccess.Entry entry(Activity a) {
    return new LinkedRecordAccess.Entry(
        "Activity", a.getId(), a.getResponsibleId(), a.getCreatedBy(), List.of(), a.getLinks());
  }

  private void check(ActivityCommand command) {
    users.requireActive(command.responsibleId(), "responsibleId");
    links.requireExisting(command.links(), "links");
  }

  private Activity require(long id) {
    return activities.findById(id).orElseThrow(() -> new NotFoundException("Activity", id));
  }
}
