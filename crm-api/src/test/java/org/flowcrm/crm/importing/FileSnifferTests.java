package org.flowcrm.crm.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FileSnifferTests {

  @Test
  void tellsUtf8FromWindows1250() {
    String polish = "Imię;Nazwisko\nŁucja;Wężyk\n";
    assertThat(FileSniffer.encoding(polish.getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(StandardCharsets.UTF_8);
    assertThat(FileSniffer.encoding(polish.getBytes(Charset.forName("windows-1250"))))
        .isEqualTo(FileSniffer.WINDOWS_1250);
    assertThat(FileSniffer.bomLength(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a'}))
        .isEqualTo(3);
  }

  @Test
  void picksTheSeparatorFoundOnEveryLine() {
    assertThat(FileSniffer.separator("a,b,c\n1,2,3\n")).isEqualTo(',');
    // Commas inside the text of a semicolon file do not win: they are not on every line.
    assertThat(FileSniffer.separator("name;note\nA;\"x, y, z\"\nB;plain\n")).isEqualTo(';');
    assertThat(FileSniffer.separator("a\tb\n1\t2\n")).isEqualTo('\t');
    assertThat(FileSniffer.separator("single\ncolumn\n")).isEqualTo(',');
  }

  @Test
  void aFirstRowOfDataIsNoHeader() {
    assertThat(FileSniffer.hasHeader(List.of("First name", "E-mail", "Phone"))).isTrue();
    assertThat(FileSniffer.hasHeader(List.of("Anna", "anna@example.com", "+48 600 100 200")))
        .isFalse();
    assertThat(FileSniffer.hasHeader(List.of("Widget", "12.50"))).isFalse();
  }
}
