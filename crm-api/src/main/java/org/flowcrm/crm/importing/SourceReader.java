package org.flowcrm.crm.importing;

import ezvcard.Ezvcard;
import ezvcard.VCard;
import ezvcard.parameter.TelephoneType;
import ezvcard.property.Address;
import ezvcard.property.Birthday;
import ezvcard.property.Email;
import ezvcard.property.Note;
import ezvcard.property.Photo;
import ezvcard.property.StructuredName;
import ezvcard.property.Telephone;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an uploaded file as a table: a CSV file with its settings (Apache Commons CSV), a vCard
 * file (ez-vcard; 2.1, 3.0 and 4.0, one or many cards) as one row per card in fixed contact
 * columns.
 */
final class SourceReader {

  /**
   * The vCard column of the card's photo: a {@code data:} URI of the image, or the web address a
   * card points to (not downloaded). Not a contact field: {@link ContactImporter} stores it.
   */
  static final String PHOTO = "photo";

  /**
   * The columns a vCard becomes; each is also the contact field it fills ({@link #PHOTO} last, see
   * there).
   */
  static final List<String> VCARD_COLUMNS =
      List.of(
          "firstName",
          "lastName",
          "company",
          "position",
          "birthday",
          "email",
          "email2",
          "email3",
          "phone",
          "phone2",
          "phone3",
          "mobilePhone",
          "homePhone",
          "street",
          "city",
          "region",
          "postalCode",
          "country",
          "notes",
          PHOTO);

  private SourceReader() {}

  /** The column names: the header row's cells, or "column 1", "column 2", … */
  static List<String> columns(Path file, ImportFormat format, ImportSettings settings) {
    if (format == ImportFormat.VCARD) {
      return VCARD_COLUMNS;
    }
    List<List<String>> first = new ArrayList<>();
    readCsv(
        file,
        settings,
        (number, cells) -> {
          first.add(cells);
          return false;
        },
        true);
    if (first.isEmpty()) {
      return List.of();
    }
    List<String> cells = first.get(0);
    List<String> columns = new ArrayList<>();
    for (int i = 0; i < cells.size(); i++) {
      boolean named = Boolean.TRUE.equals(settings.hasHeader()) && !cells.get(i).isBlank();
      columns.add(named ? cells.get(i).trim() : "column " + (i + 1));
    }
    return columns;
  }

  /**
   * Calls {@code row} with each data row's number in the file (the header is row 1) and cells, in
   * order, until it returns false. Blank lines are skipped but counted (unless the settings say not
   * to skip them).
   */
  static void forEachRow(
      Path file,
      ImportFormat format,
      ImportSettings settings,
      BiPredicate<Long, List<String>> row) {
    if (format == ImportFormat.VCARD) {
      long number = 0;
      for (VCard card : readCards(file)) {
        if (!row.test(++number, cells(card))) {
          return;
        }
      }
      return;
    }
    readCsv(file, settings, row, false);
  }

  private static void readCsv(
      Path file,
      ImportSettings settings,
      BiPredicate<Long, List<String>> row,
      boolean includeHeader) {
    CSVFormat csv =
        CSVFormat.DEFAULT
            .builder()
            .setDelimiter(settings.separator())
            .setIgnoreEmptyLines(false)
            .setIgnoreSurroundingSpaces(true)
            .get();
    boolean header = Boolean.TRUE.equals(settings.hasHeader());
    try (Reader reader = open(file, Charset.forName(settings.encoding()));
        CSVParser parser = CSVParser.builder().setReader(reader).setFormat(csv).get()) {
      for (CSVRecord record : parser) {
        long number = record.getRecordNumber();
        if (header && number == 1 && !includeHeader) {
          continue;
        }
        List<String> cells = record.toList();
        if (!includeHeader
            && settings.skipsEmptyLines()
            && cells.stream().allMatch(String::isBlank)) {
          continue;
        }
        if (!row.test(number, cells)) {
          return;
        }
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new RowProblem(null, "The file cannot be read as CSV: " + e.getMessage());
    }
  }

  static Reader open(Path file, Charset charset) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    in.mark(3);
    byte[] start = in.readNBytes(3);
    if (FileSniffer.bomLength(start) == 0) {
      in.reset();
    }
    return new InputStreamReader(in, charset);
  }

  static List<VCard> readCards(Path file) {
    try {
      return Ezvcard.parse(file).all();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A card as cells in {@link #VCARD_COLUMNS} order; what has no column goes into the notes. */
  static List<String> cells(VCard card) {
    Map<String, String> values = new LinkedHashMap<>();
    List<String> notes = new ArrayList<>();
    StructuredName name = card.getStructuredName();
    if (name != null) {
      values.put("firstName", join(name.getGiven(), name.getAdditionalNames()));
      values.put("lastName", name.getFamily());
    }
    if (blank(values.get("firstName"))
        && blank(values.get("lastName"))
        && card.getFormattedName() != null
        && card.getFormattedName().getValue() != null) {
      String full = card.getFormattedName().getValue().trim();
      int space = full.lastIndexOf(' ');
      values.put("firstName", space < 0 ? full : full.substring(0, space));
      values.put("lastName", space < 0 ? null : full.substring(space + 1));
    }
    if (card.getOrganization() != null && !card.getOrganization().getValues().isEmpty()) {
      values.put("company", card.getOrganization().getValues().get(0));
    }
    if (!card.getTitles().isEmpty()) {
      values.put("position", card.getTitles().get(0).getValue());
    }
    Birthday birthday = card.getBirthday();
    if (birthday != null && birthday.getDate() != null) {
      values.put("birthday", LocalDate.from(birthday.getDate()).toString());
    }
    List<Email> emails = card.getEmails();
    for (int i = 0; i < emails.size(); i++) {
      String field = i == 0 ? "email" : "email" + (i + 1);
      if (i < 3) {
        values.put(field, emails.get(i).getValue());
      } else {
        notes.add("E-mail: " + emails.get(i).getValue());
      }
    }
    List<String> workPhones = new ArrayList<>();
    for (Telephone tel : card.getTelephoneNumbers()) {
      String number =
          tel.getText() != null
              ? tel.getText()
              : tel.getUri() == null ? null : tel.getUri().getNumber();
      if (blank(number)) {
        continue;
      }
      if (tel.getTypes().contains(TelephoneType.CELL) && !values.containsKey("mobilePhone")) {
        values.put("mobilePhone", number);
      } else if (tel.getTypes().contains(TelephoneType.HOME) && !values.containsKey("homePhone")) {
        values.put("homePhone", number);
      } else {
        workPhones.add(number);
      }
    }
    for (int i = 0; i < workPhones.size(); i++) {
      if (i < 3) {
        values.put(i == 0 ? "phone" : "phone" + (i + 1), workPhones.get(i));
      } else {
        notes.add("Phone: " + workPhones.get(i));
      }
    }
    if (!card.getAddresses().isEmpty()) {
      Address a = card.getAddresses().get(0);
      values.put("street", a.getStreetAddress());
      values.put("city", a.getLocality());
      values.put("region", a.getRegion());
      values.put("postalCode", a.getPostalCode());
      String country = a.getCountry();
      if (country != null && country.trim().matches("[A-Za-z]{2}")) {
        values.put("country", country.trim());
      } else if (!blank(country)) {
        // The contact keeps an ISO country code; a country written out goes into the notes.
        notes.add("Country: " + country.trim());
      }
    }
    for (Note note : card.getNotes()) {
      if (!blank(note.getValue())) {
        notes.add(0, note.getValue().trim());
      }
    }
    if (!notes.isEmpty()) {
      values.put("notes", String.join("\n", notes));
    }
    values.put(PHOTO, photo(card));
    List<String> cells = new ArrayList<>(VCARD_COLUMNS.size());
    for (String column : VCARD_COLUMNS) {
      String value = values.get(column);
      cells.add(value == null ? "" : value.trim());
    }
    return cells;
  }

  /**
   * The card's first photo: inline bytes (3.0 {@code ENCODING=b}, 4.0 {@code data:} URI) as a
   * {@code data:} URI, or the web address it points to.
   */
  private static String photo(VCard card) {
    for (Photo photo : card.getPhotos()) {
      if (photo.getData() != null && photo.getData().length > 0) {
        String type =
            photo.getContentType() == null || photo.getContentType().getMediaType() == null
                ? "application/octet-stream"
                : photo.getContentType().getMediaType();
        return "data:" + type + ";base64," + Base64.getEncoder().encodeToString(photo.getData());
      }
      if (!blank(photo.getUrl())) {
        return photo.getUrl().trim();
      }
    }
    return null;
  }

  /**
   * What a preview shows of a photo cell: "image/jpeg, 12 KB" for an inline image, the web address
   * otherwise (the data would fill the table).
   */
  static String describePhoto(String cell) {
    if (cell == null || !cell.startsWith("data:")) {
      return cell;
    }
    int comma = cell.indexOf(',');
    int semicolon = cell.indexOf(';');
    String type = cell.substring(5, semicolon > 0 && semicolon < comma ? semicolon : comma);
    long bytes = (cell.length() - comma - 1) * 3L / 4;
    return type + ", " + Math.max(1, (bytes + 1023) / 1024) + " KB";
  }

  private static String join(String given, List<String> additional) {
    List<String> parts = new ArrayList<>();
    if (!blank(given)) {
      parts.add(given.trim());
    }
    additional.stream().filter(s -> !blank(s)).map(String::trim).forEach(parts::add);
    return parts.isEmpty() ? null : String.join(" ", parts);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
