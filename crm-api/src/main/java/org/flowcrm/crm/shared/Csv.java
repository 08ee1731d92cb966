package org.flowcrm.crm.shared;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a list to CSV (RFC 4180, UTF-8, header row) while it is paged through, so an export of any
 * size needs the memory of one page.
 *
 * <p>Text that a spreadsheet would take for a formula (it starts with {@code = + - @}, a tab or a
 * carriage return) is written with a leading apostrophe, as OWASP recommends against CSV injection:
 * a lead titled {@code =HYPERLINK("…")} must not become a live link or a command when a manager
 * opens the export. Numbers are not text, and text that is only a number or a phone number ({@code
 * -5}, {@code +48 600 100 200}) cannot call anything, so both are left as they are.
 */
public final class Csv<T> implements AutoCloseable {

  private final CSVPrinter printer;
  private final List<Function<T, Object>> columns;

  private Csv(Writer writer, List<String> header, List<Function<T, Object>> columns)
      throws IOException {
    this.printer =
        CSVFormat.RFC4180
            .builder()
            .setHeader(header.stream().map(Csv::neutralise).toArray(String[]::new))
            .get()
            .print(writer);
    this.columns = columns;
  }

  /** Starts a CSV document on {@code out} with the given columns. */
  public static <T> Csv<T> open(
      java.io.OutputStream out, List<String> header, List<Function<T, Object>> columns) {
    try {
      return new Csv<>(
          new OutputStreamWriter(out, StandardCharsets.UTF_8), header, List.copyOf(columns));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void write(T item) {
    try {
      Object[] values = new Object[columns.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = neutralise(columns.get(i).apply(item));
      }
      printer.printRecord(values);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The cell as a spreadsheet may open it safely (see the class comment). */
  static <V> V neutralise(V value) {
    if (value instanceof String text && looksLikeFormula(text)) {
      @SuppressWarnings("unchecked")
      V safe = (V) ("'" + text);
      return safe;
    }
    return value;
  }

  private static boolean looksLikeFormula(String text) {
    if (text.isEmpty() || FORMULA_STARTS.indexOf(text.charAt(0)) < 0) {
      return false;
    }
    return !NUMBER_OR_PHONE.matcher(text).matches();
  }

  private static final String FORMULA_STARTS = "=+-@\t\r";

  private static final java.util.regex.Pattern NUMBER_OR_PHONE =
      java.util.regex.Pattern.compile("[+-]?[0-9][0-9 ()./-]*");

  @Override
  public void close() {
    try {
      printer.close(true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
