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
 */
public final class Csv<T> implements AutoCloseable {

  private final CSVPrinter printer;
  private final List<Function<T, Object>> columns;

  private Csv(Writer writer, List<String> header, List<Function<T, Object>> columns)
      throws IOException {
    this.printer =
        CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get().print(writer);
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
        values[i] = columns.get(i).apply(item);
      }
      printer.printRecord(values);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      printer.close(true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
