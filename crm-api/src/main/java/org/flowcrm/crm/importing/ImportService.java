package org.flowcrm.crm.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.flowcrm.crm.customfield.CustomFieldService;
import org.flowcrm.crm.customfield.CustomFieldView;
import org.flowcrm.crm.customfield.CustomizableEntity;
import org.flowcrm.crm.permission.AccessPolicy;
import org.flowcrm.crm.permission.Action;
import org.flowcrm.crm.permission.EntityType;
import org.flowcrm.crm.permission.Scope;
import org.flowcrm.crm.shared.BadParameterException;
import org.flowcrm.crm.shared.Caller;
import org.flowcrm.crm.shared.ConflictException;
import org.flowcrm.crm.shared.FieldProblem;
import org.flowcrm.crm.shared.InvalidFieldException;
import org.flowcrm.crm.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;

/**
 * Imports: the public API of the feature. Upload (format, encoding, separator and header are
 * detected; a mapping is suggested), preview, settings, start (in the background), progress, the
 * failed rows, revert.
 */
@Service
public class ImportService {

  private static final int PREVIEW_ROWS = 10;
  private static final int KEPT_LISTED = 100;

  /** Header words (lower case, letters and digits only, no accents) that name a field. */
  private static final Map<String, String> SYNONYMS =
      Map.ofEntries(
          Map.entry("givenname", "firstName"),
          Map.entry("first", "firstName"),
          Map.entry("name", "firstName"),
          Map.entry("imie", "firstName"),
          Map.entry("vorname", "firstName"),
          Map.entry("surname", "lastName"),
          Map.entry("familyname", "lastName"),
          Map.entry("last", "lastName"),
          Map.entry("nazwisko", "lastName"),
          Map.entry("nachname", "lastName"),
          Map.entry("emailaddress", "email"),
          Map.entry("mail", "email"),
          Map.entry("telephone", "phone"),
          Map.entry("tel", "phone"),
          Map.entry("telefon", "phone"),
          Map.entry("mobile", "mobilePhone"),
          Map.entry("cell", "mobilePhone"),
          Map.entry("komorka", "mobilePhone"),
          Map.entry("company", "company"),
          Map.entry("organization", "company"),
          Map.entry("organisation", "company"),
          Map.entry("firma", "company"),
          Map.entry("jobtitle", "position"),
          Map.entry("stanowisko", "position"),
          Map.entry("zip", "postalCode"),
          Map.entry("postcode", "postalCode"),
          Map.entry("kodpocztowy", "postalCode"),
          Map.entry("miasto", "city"),
          Map.entry("ulica", "street"),
          Map.entry("kraj", "country"),
          Map.entry("note", "notes"),
          Map.entry("uwagi", "notes"));

  private final ImportJobs jobs;
  private final ImportRunner runner;
  private final Map<ImportEntityType, EntityImporter<?>> importers =
      new EnumMap<>(ImportEntityType.class);
  private final Caller caller;
  private final AccessPolicy policy;
  private final CustomFieldService customFields;
  private final Path directory;
  private final DataSize maxUpload;

  ImportService(
      ImportJobs jobs,
      ImportRunner runner,
      List<EntityImporter<?>> importers,
      Caller caller,
      AccessPolicy policy,
      CustomFieldService customFields,
      @Value("${flowcrm.imports.directory:${java.io.tmpdir}/flowcrm-imports}") Path directory,
      @Value("${flowcrm.imports.max-upload-size:20MB}") DataSize maxUpload) {
    this.jobs = jobs;
    this.runner = runner;
    importers.forEach(i -> this.importers.put(i.type(), i));
    this.caller = caller;
    this.policy = policy;
    this.customFields = customFields;
    this.directory = directory;
    this.maxUpload = maxUpload;
  }

  /** Stores an uploaded file as a new import and guesses how to read it. */
  public ImportView upload(ImportEntityType type, String fileName, byte[] content) {
    requireImport(type);
    if (content.length > maxUpload.toBytes()) {
      throw new UploadTooLargeException(
          "The file has "
              + content.length
              + " bytes; imports take files up to "
              + maxUpload.toMegabytes()
              + " MB. Split it and import the parts.");
    }
    if (content.length == 0) {
      throw new BadParameterException("file", "is empty");
    }
    String name = fileName == null || fileName.isBlank() ? "upload" : fileName;
    name = name.length() > 255 ? name.substring(name.length() - 255) : name;
    ImportFormat format = isVCard(name, content) ? ImportFormat.VCARD : ImportFormat.CSV;
    if (format == ImportFormat.VCARD && type != ImportEntityType.CONTACT) {
      throw new BadParameterException("entityType", "vCard files import contacts: use CONTACT");
    }
    ImportSettings settings = detect(format, content);
    long id;
    try {
      Files.createDirectories(directory);
      // A name of its own, not the job id: several databases (tests, engineers) may share the
      // directory, and their ids collide.
      Path stored = Files.createTempFile(directory, "import-", ".upload");
      Files.write(stored, content);
      id =
          jobs.insert(
              type,
              format,
              name,
              content.length,
              stored.getFileName().toString(),
              "",
              settings,
              caller.userId());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot store the uploaded file", e);
    }
    ImportView job = require(id);
    String layout = layoutKey(job, settings);
    Optional<List<String>> remembered =
        format == ImportFormat.VCARD ? Optional.empty() : jobs.rememberedFields(layout);
    List<String> fields =
        format == ImportFormat.VCARD
            ? SourceReader.VCARD_COLUMNS
            : remembered.orElseGet(() -> guess(type, columns(job, settings)));
    ImportSettings withFields =
        settings.merge(new ImportSettings(null, null, null, fields, null, null, null, null));
    jobs.saveSettings(id, withFields, layout);
    return require(id);
  }

  public ImportView get(long id) {
    return require(id);
  }

  /** The latest {@code limit} imports of the kinds the caller may import, newest first. */
  public List<ImportView> recent(int limit) {
    List<ImportEntityType> types = new ArrayList<>();
    for (ImportEntityType type : ImportEntityType.values()) {
      if (mayImport(type)) {
        types.add(type);
      }
    }
    return jobs.recent(types, Math.max(1, Math.min(limit, 500)));
  }

  /** Whether the caller may import (and so create) records of this kind. */
  public boolean mayImport(ImportEntityType type) {
    EntityType entity = EntityType.valueOf(type.name());
    return policy.scope(entity, Action.IMPORT) != Scope.NONE
        && policy.scope(entity, Action.CREATE) != Scope.NONE;
  }

  public ImportPreview preview(long id) {
    ImportJobs.Job job = requireJob(id);
    ImportView view = job.view();
    ImportSettings s = view.settings();
    List<List<String>> rows = new ArrayList<>();
    try {
      SourceReader.forEachRow(
          file(id),
          view.format(),
          s,
          (number, cells) -> {
            rows.add(cells);
            return rows.size() < PREVIEW_ROWS;
          });
    } catch (RowProblem unreadable) {
      throw new InvalidFieldException("file", unreadable.getMessage());
    }
    if (view.format() == ImportFormat.VCARD) {
      int photo = SourceReader.VCARD_COLUMNS.indexOf(SourceReader.PHOTO);
      rows.replaceAll(
          cells -> {
            List<String> shown = new ArrayList<>(cells);
            shown.set(photo, SourceReader.describePhoto(shown.get(photo)));
            return shown;
          });
    }
    boolean remembered =
        view.format() == ImportFormat.CSV
            && jobs.rememberedFields(job.layoutKey()).filter(f -> f.equals(s.fields())).isPresent();
    return new ImportPreview(
        id,
        view.format(),
        s.encoding(),
        s.separator(),
        Boolean.TRUE.equals(s.hasHeader()),
        columns(view, s),
        rows,
        fields(view.entityType()),
        s.fields(),
        remembered);
  }

  /** Changes how the file is read and mapped; the mapping is remembered for the file's layout. */
  public ImportView configure(long id, ImportSettings change) {
    ImportView job = require(id);
    if (job.status() != ImportStatus.UPLOADED) {
      throw new ConflictException("Import " + id + " has started; its settings cannot change");
    }
    ImportSettings merged = job.settings().merge(change);
    if (change.fields() == null
        && job.format() == ImportFormat.CSV
        && (change.separator() != null || change.hasHeader() != null)) {
      // Another separator or header choice makes other columns: guess their mapping anew.
      merged =
          merged.merge(
              new ImportSettings(
                  null,
                  null,
                  null,
                  guess(job.entityType(), columns(job, merged)),
                  null,
                  null,
                  null,
                  null));
    }
    // A change of only how the file reads is kept even when the new guess leaves a required field
    // unmapped: the preview then shows it, and start refuses it.
    boolean readingOnly =
        change.fields() == null
            && change.duplicateMode() == null
            && change.duplicateKey() == null
            && change.dateFormat() == null
            && change.decimalSeparator() == null;
    check(job, merged, !readingOnly);
    String layout = layoutKey(job, merged);
    jobs.saveSettings(id, merged, layout);
    if (job.format() == ImportFormat.CSV) {
      jobs.rememberFields(layout, merged.fields());
    }
    return require(id);
  }

  /** Starts the import in the background; {@link #get} shows its progress. */
  public ImportView start(long id) {
    ImportView job = require(id);
    check(job, job.settings(), true);
    if (!jobs.transition(id, ImportStatus.UPLOADED, ImportStatus.RUNNING)) {
      throw new ConflictException(
          "Import " + id + " is " + job.status() + "; it can run only once");
    }
    ImportView running = require(id);
    runner.submit(running, file(id), importer(job.entityType()), fields(job.entityType()));
    return running;
  }

  public List<RowFailure> failures(long id) {
    require(id);
    return jobs.failures(id);
  }

  /**
   * Deletes what the import created and restores what it updated. Records that something else
   * refers to now (a deal to an imported contact) are kept and listed.
   */
  public RevertResult revert(long id) {
    ImportView job = require(id);
    if (job.status() != ImportStatus.DONE && job.status() != ImportStatus.FAILED) {
      throw new ConflictException(
          "Import " + id + " is " + job.status() + "; only finished imports can be reverted");
    }
    int deleted = 0;
    int restored = 0;
    List<String> kept = new ArrayList<>();
    EntityImporter<?> main = importer(job.entityType());
    if (main instanceof UpdatingImporter<?> updating) {
      for (ImportJobs.Item item : jobs.items(id, job.entityType(), false)) {
        try {
          updating.restore(item.entityId(), item.previous());
          restored++;
        } catch (NotFoundException gone) {
          // Deleted since: nothing to restore.
        } catch (RuntimeException refused) {
          kept.add(job.entityType() + " " + item.entityId() + ": " + refused.getMessage());
        }
      }
    }
    List<ImportEntityType> order = new ArrayList<>(List.of(job.entityType()));
    if (job.entityType() != ImportEntityType.COMPANY) {
      order.add(ImportEntityType.COMPANY);
    }
    for (ImportEntityType type : order) {
      List<Long> ids = jobs.items(id, type, true).stream().map(ImportJobs.Item::entityId).toList();
      EntityImporter<?> importer = importer(type);
      for (int from = 0; from < ids.size(); from += ImportRunner.BATCH) {
        deleted +=
            importer.deleteAll(
                ids.subList(from, Math.min(ids.size(), from + ImportRunner.BATCH)), kept);
      }
    }
    jobs.transition(id, job.status(), ImportStatus.REVERTED);
    List<String> listed = kept.size() > KEPT_LISTED ? kept.subList(0, KEPT_LISTED) : kept;
    return new RevertResult(deleted, restored, List.copyOf(listed));
  }

  /** {@code complete}: whether every required field must be mapped by now. */
  private void check(ImportView job, ImportSettings s, boolean complete) {
    List<FieldProblem> problems = new ArrayList<>();
    EntityImporter<?> importer = importer(job.entityType());
    if (job.format() == ImportFormat.CSV) {
      List<String> columns = columns(job, s);
      List<String> fields = s.fields() == null ? List.of() : s.fields();
      if (fields.size() != columns.size()) {
        problems.add(
            new FieldProblem(
                "fields",
                "has "
                    + fields.size()
                    + " entries but the file has "
                    + columns.size()
                    + " columns; give one field (or null) per column"));
      }
      Map<String, ImportField> known =
          fields(job.entityType()).stream()
              .collect(
                  Collectors.toMap(
                      ImportField::name, f -> f, (x, y) -> x, java.util.LinkedHashMap::new));
      Set<String> used = new HashSet<>();
      for (int i = 0; i < fields.size(); i++) {
        String field = fields.get(i);
        if (field == null || field.isBlank()) {
          continue;
        }
        if (!known.containsKey(field)) {
          problems.add(
              new FieldProblem(
                  "fields[" + i + "]",
                  "'"
                      + field
                      + "' is not a "
                      + job.entityType()
                      + " field; allowed: "
                      + String.join(", ", known.keySet().stream().sorted().toList())));
        } else if (!used.add(field)) {
          problems.add(
              new FieldProblem("fields[" + i + "]", "'" + field + "' is mapped to two columns"));
        }
      }
      for (ImportField field : known.values()) {
        if (complete && field.required() && !used.contains(field.name())) {
          problems.add(
              new FieldProblem("fields", field.name() + " is required: map a column to it"));
        }
      }
      try {
        DateTimeFormatter.ofPattern(s.dateFormat());
      } catch (IllegalArgumentException e) {
        problems.add(new FieldProblem("dateFormat", "is not a date pattern like dd.MM.yyyy"));
      }
    }
    if (!importer.findsDuplicates() && s.duplicateMode() != DuplicateMode.CREATE) {
      problems.add(
          new FieldProblem(
              "duplicateMode",
              job.entityType() + " records have no e-mail or phone to compare; use CREATE"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidFieldException(problems);
    }
  }

  private ImportSettings detect(ImportFormat format, byte[] content) {
    if (format == ImportFormat.VCARD) {
      return new ImportSettings(
          "UTF-8",
          ",",
          false,
          List.of(),
          DuplicateMode.CREATE,
          DuplicateKey.EMAIL,
          "yyyy-MM-dd",
          ".");
    }
    Charset charset = FileSniffer.encoding(content);
    int start = FileSniffer.bomLength(content);
    String sample =
        new String(content, start, Math.min(content.length - start, 64 * 1024), charset);
    char separator = FileSniffer.separator(sample);
    ImportSettings settings =
        new ImportSettings(
            charset.name(),
            String.valueOf(separator),
            false,
            List.of(),
            DuplicateMode.CREATE,
            DuplicateKey.EMAIL,
            "yyyy-MM-dd",
            separator == ';' ? "," : ".");
    List<List<String>> first = new ArrayList<>();
    Path probe = null;
    try {
      probe = Files.createTempFile("flowcrm-sniff-", ".csv");
      Files.write(probe, sample.getBytes(charset));
      SourceReader.forEachRow(
          probe,
          ImportFormat.CSV,
          settings,
          (n, cells) -> {
            first.add(cells);
            return false;
          });
    } catch (IOException | RowProblem e) {
      // Unreadable as CSV: the preview says so.
    } finally {
      if (probe != null) {
        probe.toFile().delete();
      }
    }
    boolean header = !first.isEmpty() && FileSniffer.hasHeader(first.get(0));
    return settings.merge(new ImportSettings(null, null, header, null, null, null, null, null));
  }

  private List<String> columns(ImportView job, ImportSettings s) {
    try {
      return SourceReader.columns(file(job.id()), job.format(), s);
    } catch (RowProblem unreadable) {
      throw new InvalidFieldException("file", unreadable.getMessage());
    }
  }

  /** Guesses each column's field from its header text. */
  private List<String> guess(ImportEntityType type, List<String> columns) {
    Map<String, String> byName = new HashMap<>();
    for (ImportField field : fields(type)) {
      byName.put(normalise(field.name()), field.name());
      if (field.custom()) {
        // a custom field's column is headed by its label or its code
        byName.putIfAbsent(normalise(field.label()), field.name());
        byName.putIfAbsent(
            normalise(field.name().substring(ImportField.CUSTOM_PREFIX.length())), field.name());
      }
    }
    SYNONYMS.forEach(
        (word, field) -> {
          String target = retarget(type, field);
          if (byName.containsValue(target)) {
            byName.putIfAbsent(word, target);
          }
        });
    Set<String> used = new HashSet<>();
    List<String> fields = new ArrayList<>();
    for (String column : columns) {
      String field = column.startsWith("column ") ? null : byName.get(normalise(column));
      fields.add(field != null && used.add(field) ? field : null);
    }
    return fields;
  }

  /** A company column is the company's name in a company file, the company name in a lead file. */
  private static String retarget(ImportEntityType type, String field) {
    if (field.equals("company")) {
      return type == ImportEntityType.LEAD
          ? "companyName"
          : type == ImportEntityType.COMPANY ? "name" : field;
    }
    if (field.equals("firstName") && type == ImportEntityType.COMPANY) {
      return "name";
    }
    return field;
  }

  static String normalise(String text) {
    String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return plain
        .replace('ł', 'l')
        .replace('Ł', 'L')
        .toLowerCase(Locale.ROOT)
        .replaceAll("[^a-z0-9]", "");
  }

  private String layoutKey(ImportView job, ImportSettings s) {
    String layout;
    if (job.format() == ImportFormat.VCARD) {
      layout = "vcard";
    } else if (Boolean.TRUE.equals(s.hasHeader())) {
      layout =
          columns(job, s).stream()
              .map(ImportService::normalise)
              .collect(Collectors.joining("\u001f"));
    } else {
      layout = "no header, " + columns(job, s).size() + " columns";
    }
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest((job.entityType() + "|" + layout).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean isVCard(String name, byte[] content) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".vcf") || lower.endsWith(".vcard")) {
      return true;
    }
    int start = FileSniffer.bomLength(content);
    String head =
        new String(content, start, Math.min(content.length - start, 64), StandardCharsets.UTF_8)
            .stripLeading();
    return head.regionMatches(true, 0, "BEGIN:VCARD", 0, 11);
  }

  private EntityImporter<?> importer(ImportEntityType type) {
    return importers.get(type);
  }

  /**
   * What a column can fill: the importer's fields, then the entity's custom fields as {@code
   * cf.<code>} (read anew each time, so a field an administrator just added can be mapped).
   */
  private List<ImportField> fields(ImportEntityType type) {
    List<ImportField> fields = new ArrayList<>(importer(type).fields());
    for (CustomFieldView field : customFields.list(CustomizableEntity.valueOf(type.name()))) {
      fields.add(
          new ImportField(
              ImportField.CUSTOM_PREFIX + field.code(),
              switch (field.type()) {
                case STRING -> FieldKind.TEXT;
                case NUMBER -> FieldKind.NUMBER;
                case DATE -> FieldKind.DATE;
                case BOOLEAN -> FieldKind.BOOLEAN;
                case LIST -> FieldKind.OPTION;
                case MONEY -> FieldKind.MONEY;
              },
              field.required(),
              field.label(),
              field.options()));
    }
    return fields;
  }

  private Path file(long id) {
    return directory.resolve(requireJob(id).storedAs());
  }

  private ImportView require(long id) {
    return requireJob(id).view();
  }

  /**
   * An import job (its file name, counts and failed rows quote the file) is for those who may
   * import that kind of record; the rows themselves are checked by the services as the importing
   * user.
   */
  private ImportJobs.Job requireJob(long id) {
    ImportJobs.Job job = jobs.find(id).orElseThrow(() -> new NotFoundException("Import", id));
    requireImport(job.view().entityType());
    return job;
  }

  /** Importing creates records: a role needs both rights for the kind. */
  private void requireImport(ImportEntityType type) {
    policy.requireAny(EntityType.valueOf(type.name()), Action.IMPORT);
    policy.requireAny(EntityType.valueOf(type.name()), Action.CREATE);
  }
}
