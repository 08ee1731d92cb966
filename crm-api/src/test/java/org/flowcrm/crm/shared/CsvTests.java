package org.flowcrm.crm.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** What a spreadsheet opening an export would run: nothing a record's text put there. */
class CsvTests {

  @Test
  void textThatASpreadsheetWouldRunAsAFormulaIsWrittenAsText() throws IOException {
    List<String> written =
        cells(
            "=HYPERLINK(\"http://x\",\"click\")",
            "+cmd|' /C calc'!A0",
            "-2+3+cmd|' /C calc'!A0",
            "@SUM(1+1)*cmd|' /C calc'!A0",
            "\t=1+1",
            "\r=1+1");
    assertThat(written)
        .containsExactly(
            "'=HYPERLINK(\"http://x\",\"click\")",
            "'+cmd|' /C calc'!A0",
            "'-2+3+cmd|' /C calc'!A0",
            "'@SUM(1+1)*cmd|' /C calc'!A0",
            "'\t=1+1",
            "'\r=1+1");
  }

  @Test
  void numbersPhoneNumbersAndOrdinaryTextStayAsTheyAre() throws IOException {
    assertThat(cells("+48 600 100 200", "-5", "-12.50", "Acme = best", "", "a@b.example"))
        .containsExactly("+48 600 100 200", "-5", "-12.50", "Acme = best", "", "a@b.example");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Csv<BigDecimal> csv =
        Csv.open(out, List.of("=amount"), List.<Function<BigDecimal, Object>>of(v -> v))) {
      csv.write(new BigDecimal("-3.25"));
    }
    List<CSVRecord> records = parse(out);
    assertThat(records.get(0).get(0)).as("a header from a label is text too").isEqualTo("'=amount");
    assertThat(records.get(1).get(0)).as("a negative amount stays a number").isEqualTo("-3.25");
  }

  private static List<String> cells(String... values) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Csv<String> csv =
        Csv.open(out, List.of("value"), List.<Function<String, Object>>of(v -> v))) {
      for (String value : values) {
        csv.write(value);
      }
    }
    return parse(out).stream().skip(1).map(r -> r.get(0)).toList();
  }

  private static List<CSVRecord> parse(ByteArrayOutputStream out) throws IOException {
    return CSVFormat.RFC4180
        .parse(new StringReader(out.toString(StandardCharsets.UTF_8)))
        .getRecords();
  }
}
