package org.flowcrm.crm.shared;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies one change to many records, {@value #CHUNK_SIZE} records per transaction. Each change
 * checks its own record (permission, state) before it writes anything, so a refused record is
 * skipped and reported while the others of its chunk go through. When the database refuses a chunk
 * as a whole (e.g. deleting a record something still references, which only shows at the flush),
 * the chunk is rolled back and redone one record per transaction, so exactly the offending records
 * are reported.
 *
 * <p>Changes must call the service's own (unproxied) code: a refusal thrown through a
 * {@code @Transactional} proxy would mark the whole chunk for rollback (it would then be redone
 * record by record, correct but slower).
 */
@Component
public class BulkRunner {

  public static final int CHUNK_SIZE = 200;
  public static final int MAX_REPORTED_REFUSALS = 100;

  private final TransactionTemplate writing;

  BulkRunner(PlatformTransactionManager transactions) {
    this.writing = new TransactionTemplate(transactions);
  }

  /**
   * Every id the list query matches, page by page in id order ({@code pages} answers one page for a
   * request sorted by {@code id}).
   */
  public List<Long> matching(Function<ListRequest, KeysetQuery.Page> pages) {
    List<Long> ids = new ArrayList<>();
    ListRequest request = new ListRequest("id", ListRequest.MAX_LIMIT, null);
    while (request != null) {
      KeysetQuery.Page page = pages.apply(request);
      ids.addAll(page.ids());
      request = page.nextCursor() == null ? null : request.withAfter(page.nextCursor());
    }
    return ids;
  }

  /**
   * Splits a selection, the picked {@code ids} or (when null) every record {@code readable}
   * matches, into those {@code changeable} matches as well and the rest. Both are the list's query
   * ({@code KeysetQuery} over {@code idColumn}) with the caller's scope for reading, and for
   * reading and the change; so the scope is checked in SQL, a few queries for any number of
   * records.
   */
  public BulkSelection select(
      List<Long> ids,
      String idColumn,
      Supplier<KeysetQuery> readable,
      Supplier<KeysetQuery> changeable,
      JdbcTemplate jdbc) {
    SortOrder byId = new SortOrder(new SortField("id", idColumn, SortType.LONG), false);
    List<Long> selected =
        ids != null
            ? new ArrayList<>(new LinkedHashSet<>(ids))
            : matching(request -> readable.get().page(jdbc, byId, request));
    Set<Long> permitted = new HashSet<>();
    for (int from = 0; from < selected.size(); from += ListRequest.MAX_LIMIT) {
      List<Long> part =
          selected.subList(from, Math.min(selected.size(), from + ListRequest.MAX_LIMIT));
      permitted.addAll(
          matching(request -> changeable.get().whereIn(idColumn, part).page(jdbc, byId, request)));
    }
    List<Long> sorted = selected.stream().sorted().toList();
    return new BulkSelection(
        sorted.stream().filter(permitted::contains).toList(),
        sorted.stream().filter(id -> !permitted.contains(id)).toList());
  }

  /** Runs {@code change} for each id; refusals are collected, not thrown. */
  public BulkResult run(List<Long> ids, LongConsumer change) {
    int done = 0;
    int refusedCount = 0;
    List<BulkResult.Refusal> refusals = new ArrayList<>();
    for (int from = 0; from < ids.size(); from += CHUNK_SIZE) {
      List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK_SIZE));
      List<BulkResult.Refusal> chunkRefusals = new ArrayList<>();
      int chunkDone;
      try {
        chunkDone = writing.execute(status -> applyAll(chunk, change, chunkRefusals));
      } catch (RuntimeException chunkFailed) {
        chunkRefusals.clear();
        chunkDone = 0;
        for (long id : chunk) {
          try {
            writing.executeWithoutResult(status -> change.accept(id));
            chunkDone++;
          } catch (RuntimeException refused) {
            BulkResult.Refusal refusal = refusal(id, refused);
            if (refusal == null) {
              throw refused;
            }
            chunkRefusals.add(refusal);
          }
        }
      }
      done += chunkDone;
      refusedCount += chunkRefusals.size();
      for (BulkResult.Refusal refusal : chunkRefusals) {
        if (refusals.size() < MAX_REPORTED_REFUSALS) {
          refusals.add(refusal);
        }
      }
    }
    return new BulkResult(ids.size(), done, refusedCount, List.copyOf(refusals));
  }

  private static int applyAll(
      List<Long> chunk, LongConsumer change, List<BulkResult.Refusal> refusals) {
    int done = 0;
    for (long id : chunk) {
      try {
        change.accept(id);
        done++;
      } catch (RuntimeException refused) {
        BulkResult.Refusal refusal = businessRefusal(id, refused);
        if (refusal == null) {
          throw refused; // the database's word: the chunk is redone one by one
        }
        refusals.add(refusal);
      }
    }
    return done;
  }

  /** A refusal a change throws before writing, or null for anything else. */
  private static BulkResult.Refusal businessRefusal(long id, RuntimeException e) {
    String reason = null;
    if (e instanceof NotFoundException) {
      reason = "NOT_FOUND";
    } else if (e instanceof ForbiddenException) {
      reason = "FORBIDDEN";
    } else if (e instanceof ConflictException) {
      reason = "CONFLICT";
    } else if (e instanceof InvalidFieldException) {
      reason = "INVALID";
    } else if (e instanceof PreconditionFailedException) {
      reason = "CHANGED";
    }
    return reason == null ? null : new BulkResult.Refusal(id, reason, e.getMessage());
  }

  /** As {@link #businessRefusal}, and the database's refusals of a single record. */
  private static BulkResult.Refusal refusal(long id, RuntimeException e) {
    BulkResult.Refusal refusal = businessRefusal(id, e);
    if (refusal != null) {
      return refusal;
    }
    if (e instanceof DataIntegrityViolationException) {
      return new BulkResult.Refusal(
          id, "IN_USE", "the database refuses the change: the record is still in use");
    }
    if (e instanceof OptimisticLockingFailureException) {
      return new BulkResult.Refusal(
          id, "CHANGED", "the record was changed by someone else at the same time");
    }
    return null;
  }
}
