package org.flowcrm.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Templates escape what they print. Spring's {@code <@spring.messageArgs>} prints the message
 * unescaped (messages may hold markup), so a record name passed as an argument would be markup too:
 * templates use {@code ${springMacroRequestContext.getMessage("key", [args])}}, which the HTML
 * output format escapes. {@code ?no_esc} would switch escaping off.
 */
class TemplateEscapingTests {

  private static final Path TEMPLATES = Path.of("src/main/resources/templates");

  @Test
  void noTemplatePrintsUnescapedArgumentsOrSwitchesEscapingOff() throws IOException {
    List<String> offending;
    try (Stream<Path> files = Files.walk(TEMPLATES)) {
      offending =
          files
              .filter(p -> p.toString().endsWith(".ftlh"))
              .filter(
                  p -> {
                    try {
                      String text = Files.readString(p);
                      return text.contains("spring.messageArgs")
                          || text.contains("spring.messageArgsText")
                          || text.contains("?no_esc");
                    } catch (IOException e) {
                      throw new IllegalStateException(e);
                    }
                  })
              .map(p -> TEMPLATES.relativize(p).toString())
              .sorted()
              .toList();
    }
    assertThat(offending).isEmpty();
  }
}
