package org.flowcrm.crm.importing;

import jakarta.annotation.PreDestroy;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.flowcrm.crm.company.CompanyService;
import org.flowcrm.crm.shared.ConflictException;
import org.flowcrm.crm.shared.FieldProblem;
import org.flowcrm.crm.shared.InvalidFieldException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Component;

/**
 * Runs imports in the background, {@value #BATCH} rows at a time: parse and validate each row
 * (failures are recorded with row, column and reason, the rest goes on), look for duplicates,
 * create what is new (contacts in one multi-row insert per batch), and after each batch record what
 * was created or updated (for revert) and bump the progress counters the UI polls.
 */
@Component
class ImportRunner {

  static final int BATCH = 1000;
  private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final ImportJobs jobs;
  private final Validator validator;
  private final CompanyService companies;
  // Two at a time: imports are heavy and the machine has other work.
  private final ExecutorService executor =
      Executors.newFixedThreadPool(
          2,
          task -> {
            Thread thread = new Thread(task, "import-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
          });

  ImportRunner(ImportJobs jobs, Validator validator, CompanyService companies) {
    this.jobs = jobs;
    this.validator = validator;
    this.companies = companies;
  }

  @EventListener(ApplicationReadyEvent.class)
  void failInterruptedImports() {
    int interrupted = jobs.failInterrupted();
    if (interrupted > 0) {
      log.warn(
          "{} imports were interrupted by the last shutdown and are marked failed", interrupted);
    }
  }

  @PreDestroy
  void stop() {
    executor.shutdownNow();
  }

  /** Runs as the user who started it, so each row is created with his rights. */
  void submit(ImportView job, Path file, EntityImporter<?> importer, List<ImportField> fields) {
    executor.execute(new DelegatingSecurityContextRunnable(() -> run(job, file, importer, fields)));
  }

  /** {@code fields}: the importer's own and the entity's custom fields, read when it started. */
  private <C> void run(
      ImportView job, Path file, EntityImporter<C> importer, List<ImportField> fields) {
    long started = System.nanoTime();
    try {
      ImportSettings settings = job.settings();
      List<String> columns = SourceReader.columns(file, job.format(), settings);
      List<String> mapping =
          job.format() == ImportFormat.VCARD ? SourceReader.VCARD_COLUMNS : settings.fields();
      AtomicInteger total = new AtomicInteger();
      SourceReader.forEachRow(
          file, job.format(), settings, (number, cells) -> total.incrementAndGet() > 0);
      jobs.total(job.id(), total.get());
      Batch<C> batch =
          new Batch<>(job, importer, fields, columns, mapping, new ImportContext(companies));
      List<Raw> rows = new ArrayList<>(BATCH);
      SourceReader.forEachRow(
          file,
          job.format(),
          settings,
          (number, cells) -> {
            rows.add(new Raw(number, cells));
            if (rows.size() == BATCH) {
              batch.process(rows);
              rows.clear();
            }
            return true;
          });
      batch.process(rows);
      jobs.transition(job.id(), ImportStatus.RUNNING, ImportStatus.DONE);
      log.info(
          "Import {} of {} rows took {} ms",
          job.id(),
          total.get(),
          (System.nanoTime() - started) / 1_000_000);
    } catch (RuntimeException e) {
      log.warn("Import {} failed", job.id(), e);
      jobs.fail(job.id(), e.getMessage() == null ? e.toString() : e.getMessage());
    }
  }

  record Raw(long number, List<String> cells) {}

  private record Parsed<C>(Row row, C command, List<String> keys) {}

  /** One job's state while it runs. */
  private final class Batch<C> {

    private final ImportView job;
    private final EntityImporter<C> importer;
    private final Map<String, ImportField> fields = new HashMap<>();
    private final List<String> columns;
    private final List<String> mapping;
    private final ImportContext context;
    private final DateTimeFormatter dates;
    private final boolean decimalComma;
    private final DuplicateMode mode;
    private final DuplicateKey key;

    Batch(
        ImportView job,
        EntityImporter<C> importer,
        List<ImportField> fields,
        List<String> columns,
        List<String> mapping,
        ImportContext context) {
      this.job = job;
      this.importer = importer;
      fields.forEach(f -> this.fields.put(f.name(), f));
      if (job.format() == ImportFormat.VCARD) {
        // a card's photo rides along as a data: URI (or its web address) for the importer
        this.fields.put(SourceReader.PHOTO, ImportField.text(SourceReader.PHOTO));
      }
      this.columns = columns;
      this.mapping = mapping;
      this.context = context;
      ImportSettings s = job.settings();
      // Strict, so that 31.02.1980 is refused rather than quietly made 29.02.1980; strict needs
      // the proleptic year (u) where people write y (year of era).
      this.dates =
          DateTimeFormatter.ofPattern(
                  (job.format() == ImportFormat.VCARD ? "yyyy-MM-dd" : s.dateFormat())
                      .replace('y', 'u'),
                  Locale.ROOT)
              .withResolverStyle(ResolverStyle.STRICT);
      this.decimalComma = ",".equals(s.decimalSeparator());
      this.mode = importer.findsDuplicates() ? s.duplicateMode() : DuplicateMode.CREATE;
      this.key = s.duplicateKey();
    }

    void process(List<Raw> raws) {
      if (raws.isEmpty()) {
        return;
      }
      List<RowFailure> failures = new ArrayList<>();
      List<ImportJobs.Item> items = new ArrayList<>();
      List<Parsed<C>> valid = new ArrayList<>();
      for (Raw raw : raws) {
        try {
          Row row = parse(raw);
          C command = importer.command(row, context);
          Set<ConstraintViolation<C>> violations = validator.validate(command);
          if (!violations.isEmpty()) {
            for (ConstraintViolation<C> v : violations) {
              String path = v.getPropertyPath().toString();
              failures.add(new RowFailure(raw.number(), row.columnOfPath(path), v.getMessage()));
            }
            continue;
          }
          valid.add(new Parsed<>(row, command, keys(command)));
        } catch (RowProblem problem) {
          failures.add(new RowFailure(raw.number(), problem.column(), problem.getMessage()));
        } catch (RuntimeException e) {
          failures.add(new RowFailure(raw.number(), null, reason(e)));
        }
      }
      int skipped = 0;
      int updated = 0;
      List<Parsed<C>> toCreate = new ArrayList<>();
      if (mode == DuplicateMode.CREATE) {
        toCreate.addAll(valid);
      } else {
        Map<String, Long> existing = prefetch(valid);
        Map<String, Long> pending = new HashMap<>();
        for (Parsed<C> p : valid) {
          Long duplicate = null;
          Long pendingRow = null;
          for (String k : p.keys()) {
            duplicate = duplicate != null ? duplicate : context.createdByKey.get(k);
            duplicate = duplicate != null || existing == null ? duplicate : existing.get(k);
            pendingRow = pendingRow != null ? pendingRow : pending.get(k);
          }
          if (duplicate == null && pendingRow == null && !p.keys().isEmpty() && existing == null) {
            duplicate = lookup(p.command());
          }
          if (duplicate == null && pendingRow == null) {
            p.keys().forEach(k -> pending.put(k, p.row().number()));
            toCreate.add(p);
          } else if (mode == DuplicateMode.SKIP) {
            skipped++;
          } else if (duplicate == null) {
            failures.add(
                new RowFailure(
                    p.row().number(),
                    null,
                    "has the same "
                        + key.name().toLowerCase(Locale.ROOT)
                        + " as row "
                        + pendingRow
                        + ", which this import creates; merge the two rows"));
          } else {
            try {
              // an updating mode is only chosen for importers that find duplicates
              @SuppressWarnings("unchecked")
              UpdatingImporter<C> updating = (UpdatingImporter<C>) importer;
              String before = updating.snapshot(duplicate);
              updating.update(duplicate, p.command());
              items.add(new ImportJobs.Item(importer.type(), duplicate, before));
              updated++;
            } catch (RuntimeException e) {
              failures.add(new RowFailure(p.row().number(), column(e, p.row()), reason(e)));
            }
          }
        }
      }
      int created = create(toCreate, items, failures);
      context.createdCompanies.forEach(
          (id, name) -> items.add(new ImportJobs.Item(ImportEntityType.COMPANY, id, null)));
      context.createdCompanies.clear();
      jobs.addItems(job.id(), items);
      jobs.addFailures(job.id(), failures);
      Set<Long> failedRows = new LinkedHashSet<>();
      failures.stream().filter(f -> !f.notice()).forEach(f -> failedRows.add(f.row()));
      jobs.progress(job.id(), raws.size(), created, updated, skipped, failedRows.size());
    }

    private int create(
        List<Parsed<C>> toCreate, List<ImportJobs.Item> items, List<RowFailure> failures) {
      if (toCreate.isEmpty()) {
        return 0;
      }
      List<Long> ids = null;
      if (importer.createsInBulk()) {
        try {
          ids = importer.createAll(toCreate.stream().map(Parsed::command).toList());
        } catch (RuntimeException e) {
          // Something in the batch was refused: find out which row by creating one at a time.
          log.debug("Bulk insert failed, retrying row by row", e);
        }
      }
      int created = 0;
      for (int i = 0; i < toCreate.size(); i++) {
        Parsed<C> p = toCreate.get(i);
        try {
          long id = ids != null ? ids.get(i) : createOne(p.command());
          items.add(new ImportJobs.Item(importer.type(), id, null));
          p.keys().forEach(k -> context.createdByKey.put(k, id));
          created++;
          importer.created(p.row(), id, failures);
        } catch (RuntimeException e) {
          failures.add(new RowFailure(p.row().number(), column(e, p.row()), reason(e)));
        }
      }
      return created;
    }

    private long createOne(C command) {
      return importer.createsInBulk()
          ? importer.createAll(List.of(command)).get(0)
          : importer.create(command);
    }

    /** Existing records for a whole batch at once where the importer can; null otherwise. */
    private Map<String, Long> prefetch(List<Parsed<C>> valid) {
      if (key == DuplicateKey.EMAIL && importer instanceof ContactImporter contacts) {
        List<String> emails =
            valid.stream().flatMap(p -> p.keys().stream()).map(k -> k.substring(2)).toList();
        Map<String, Long> found = new HashMap<>();
        contacts.idsByEmail(emails).forEach((email, id) -> found.put("e:" + email, id));
        return found;
      }
      return null;
    }

    private Long lookup(C command) {
      return importer.findDuplicate(command, key).orElse(null);
    }

    private List<String> keys(C command) {
      if (key == DuplicateKey.EMAIL) {
        return importer.emails(command).stream()
            .map(e -> "e:" + e.toLowerCase(Locale.ROOT))
            .toList();
      }
      return importer.phones(command).stream()
          .map(p -> p.replaceAll("[^0-9]", ""))
          .filter(d -> d.length() >= 4)
          .map(d -> "p:" + (d.length() > 9 ? d.substring(d.length() - 9) : d))
          .toList();
    }

    private Row parse(Raw raw) {
      Map<String, Object> values = new HashMap<>();
      Map<String, String> columnOf = new HashMap<>();
      for (int i = 0; i < mapping.size(); i++) {
        String field = mapping.get(i);
        if (field == null || field.isBlank()) {
          continue;
        }
        String column = i < columns.size() ? columns.get(i) : "column " + (i + 1);
        columnOf.put(field, column);
        String cell = i < raw.cells().size() ? raw.cells().get(i).trim() : "";
        if (cell.isEmpty()) {
          continue;
        }
        ImportField spec = fields.get(field);
        values.put(field, convert(spec, cell, column));
      }
      for (ImportField spec : fields.values()) {
        if (spec.required() && values.get(spec.name()) == null) {
          throw new RowProblem(columnOf.getOrDefault(spec.name(), spec.name()), "is required");
        }
      }
      return new Row(raw.number(), values, columnOf);
    }

    private Object convert(ImportField spec, String cell, String column) {
      return switch (spec.kind()) {
        case TEXT, EMAIL, PHONE -> cell;
        case DATE -> {
          try {
            yield LocalDate.parse(cell, dates);
          } catch (DateTimeParseException e) {
            throw new RowProblem(column, "'" + cell + "' is not a date in the format " + pattern());
          }
        }
        case NUMBER -> number(cell, column);
        case INTEGER -> {
          try {
            yield number(cell, column).intValueExact();
          } catch (ArithmeticException e) {
            throw new RowProblem(column, "'" + cell + "' is not a whole number");
          }
        }
        case BOOLEAN ->
            switch (cell.toLowerCase(Locale.ROOT)) {
              case "true", "yes", "y", "1", "tak", "t", "x" -> Boolean.TRUE;
              case "false", "no", "n", "0", "nie" -> Boolean.FALSE;
              default -> throw new RowProblem(column, "'" + cell + "' is not yes or no");
            };
        case MONEY -> money(cell, column);
        case OPTION ->
            spec.options().stream()
                .filter(option -> option.equalsIgnoreCase(cell))
                .findFirst()
                .orElseThrow(
                    () -> new RowProblem(column, "'" + cell + "' is not one of " + spec.options()));
      };
    }

    /** "1 250,50 EUR": the amount in the import's number format, then a currency code. */
    private Map<String, Object> money(String cell, String column) {
      int space = cell.lastIndexOf(' ');
      String currency = space < 0 ? "" : cell.substring(space + 1);
      if (!currency.matches("[A-Za-z]{3}")) {
        throw new RowProblem(
            column, "'" + cell + "' is not an amount with a currency code like 1250.50 EUR");
      }
      Map<String, Object> money = new java.util.LinkedHashMap<>();
      money.put("amount", number(cell.substring(0, space).strip(), column));
      money.put("currency", currency.toUpperCase(Locale.ROOT));
      return money;
    }

    private String pattern() {
      return job.format() == ImportFormat.VCARD ? "yyyy-MM-dd" : job.settings().dateFormat();
    }

    private BigDecimal number(String cell, String column) {
      String plain = cell.replace(" ", "").replace("\u00a0", "");
      plain = decimalComma ? plain.replace(".", "").replace(',', '.') : plain.replace(",", "");
      try {
        return new BigDecimal(plain);
      } catch (NumberFormatException e) {
        throw new RowProblem(
            column,
            "'"
                + cell
                + "' is not a number (decimal separator '"
                + (decimalComma ? "," : ".")
                + "')");
      }
    }

    private String column(RuntimeException e, Row row) {
      if (e instanceof ConstraintViolationException invalid
          && !invalid.getConstraintViolations().isEmpty()) {
        String path =
            invalid.getConstraintViolations().iterator().next().getPropertyPath().toString();
        // Service validation paths start with the method and argument, e.g. create.command.x.
        String[] parts = path.split("\\.", 3);
        return row.columnOfPath(parts.length == 3 ? parts[2] : path);
      }
      if (e instanceof InvalidFieldException invalid && !invalid.problems().isEmpty()) {
        return row.columnOfPath(invalid.problems().get(0).field());
      }
      return null;
    }
  }

  static String reason(RuntimeException e) {
    if (e instanceof ConstraintViolationException invalid) {
      return invalid.getConstraintViolations().stream()
          .map(ConstraintViolation::getMessage)
          .reduce((a, b) -> a + "; " + b)
          .orElse("is invalid");
    }
    if (e instanceof InvalidFieldException invalid) {
      return invalid.problems().stream()
          .map(FieldProblem::message)
          .reduce((a, b) -> a + "; " + b)
          .orElse(e.getMessage());
    }
    if (e instanceof ConflictException || e instanceof RowProblem) {
      return e.getMessage();
    }
    log.warn("An import row could not be saved", e);
    return "could not be saved: " + e.getClass().getSimpleName();
  }
}
