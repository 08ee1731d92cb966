package org.flowcrm.crm.importing;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Guesses how a CSV file is written. Encoding: a file that decodes as strict UTF-8 is UTF-8,
 * anything else is taken as Windows-1250 (what Polish Excel saves). Separator: the one of comma,
 * semicolon and tab that appears most often and on every sample line (outside quotes). Header: the
 * first row has a header when none of its cells looks like data (an e-mail, a number, a date).
 */
final class FileSniffer {

  static final Charset WINDOWS_1250 = Charset.forName("windows-1250");
  private static final char[] SEPARATORS = {',', ';', '\t'};
  private static final Pattern DATA_LIKE = Pattern.compile(".*@.*|[+\\-]?[0-9 ().,/:\\-]+|");

  private FileSniffer() {}

  static Charset encoding(byte[] bytes) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return StandardCharsets.UTF_8;
    } catch (CharacterCodingException notUtf8) {
      return WINDOWS_1250;
    }
  }

  /** The number of bytes of a UTF-8 byte order mark at the start, if any. */
  static int bomLength(byte[] bytes) {
    return bytes.length >= 3
            && (bytes[0] & 0xFF) == 0xEF
            && (bytes[1] & 0xFF) == 0xBB
            && (bytes[2] & 0xFF) == 0xBF
        ? 3
        : 0;
  }

  static char separator(String text) {
    List<String> lines = text.lines().filter(line -> !line.isBlank()).limit(20).toList();
    char best = ',';
    int bestScore = 0;
    for (char candidate : SEPARATORS) {
      int min = Integer.MAX_VALUE;
      int total = 0;
      for (String line : lines) {
        int count = countOutsideQuotes(line, candidate);
        min = Math.min(min, count);
        total += count;
      }
      // Present on every line beats frequent on some (a comma inside a semicolon file's text).
      int score = lines.isEmpty() || min == 0 ? 0 : total;
      if (score > bestScore) {
        bestScore = score;
        best = candidate;
      }
    }
    return best;
  }

  static boolean hasHeader(List<String> firstRow) {
    if (firstRow.isEmpty()) {
      return false;
    }
    return firstRow.stream().noneMatch(cell -> DATA_LIKE.matcher(cell.trim()).matches());
  }

  private static int countOutsideQuotes(String line, char separator) {
    int count = 0;
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == separator && !quoted) {
        count++;
      }
    }
    return count;
  }
}
