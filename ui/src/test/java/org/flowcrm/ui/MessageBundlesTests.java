package org.flowcrm.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.flowcrm.ui.layout.LayoutAutoConfiguration;
import org.junit.jupiter.api.Test;

/**
 * Every text of the UI exists in every language: the same keys in {@code messages.properties} and
 * each {@code messages_<lang>.properties}, no empty text, and every key a template names is there.
 */
class MessageBundlesTests {

  private static final Path TEMPLATES = Path.of("src/main/resources/templates");

  /** {@code <@spring.message "key"/>}, {@code messageArgs "key"}, {@code titleKey="key"}... */
  private static final Pattern KEY_IN_TEMPLATE =
      Pattern.compile(
          "(?:spring\\.message(?:Args|Text|ArgsText)?\\s+|[a-zA-Z]*Key\\s*=\\s*|getMessage\\()"
              + "\"([a-z][A-Za-z0-9_.]*[A-Za-z0-9_])\"");

  /** FreeMarker comments hold usage examples with made-up keys. */
  private static final Pattern COMMENT = Pattern.compile("<#--.*?-->", Pattern.DOTALL);

  private static Properties bundle(String name) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = MessageBundlesTests.class.getResourceAsStream("/" + name)) {
      assertThat(in).as(name).isNotNull();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }

  private static String fileOf(Locale locale) {
    return locale.equals(Locale.ENGLISH)
        ? "messages.properties"
        : "messages_" + locale.getLanguage() + ".properties";
  }

  @Test
  void everyLanguageHasEveryKey() throws IOException {
    Set<String> reference = bundle("messages.properties").stringPropertyNames();
    for (Locale locale : LayoutAutoConfiguration.SUPPORTED_LOCALES) {
      Set<String> keys = bundle(fileOf(locale)).stringPropertyNames();
      Set<String> missing = new TreeSet<>(reference);
      missing.removeAll(keys);
      Set<String> extra = new TreeSet<>(keys);
      extra.removeAll(reference);
      assertThat(missing).as("keys missing in " + fileOf(locale)).isEmpty();
      assertThat(extra).as("keys only in " + fileOf(locale)).isEmpty();
    }
  }

  @Test
  void noTextIsEmpty() throws IOException {
    for (Locale locale : LayoutAutoConfiguration.SUPPORTED_LOCALES) {
      Properties bundle = bundle(fileOf(locale));
      assertThat(bundle.stringPropertyNames())
          .as("empty texts in " + fileOf(locale))
          .filteredOn(k -> bundle.getProperty(k).isBlank())
          .isEmpty();
    }
  }

  @Test
  void everyKeyTheTemplatesNameExists() throws IOException {
    Set<String> keys = bundle("messages.properties").stringPropertyNames();
    Set<String> named;
    try (Stream<Path> files = Files.walk(TEMPLATES)) {
      named =
          files
              .filter(f -> f.toString().endsWith(".ftlh"))
              .flatMap(MessageBundlesTests::keysIn)
              .collect(Collectors.toCollection(TreeSet::new));
    }
    assertThat(named).as("message keys named by the templates").isNotEmpty();
    assertThat(named).as("keys named by templates but missing").isSubsetOf(keys);
  }

  @Test
  void navigationKeysExist() throws IOException {
    Properties english = bundle("messages.properties");
    for (String item :
        new String[] {
          "home",
          "leads",
          "deals",
          "contacts",
          "companies",
          "products",
          "tasks",
          "processes",
          "reports"
        }) {
      assertThat(english.getProperty("nav." + item)).as("nav." + item).isNotBlank();
    }
  }

  private static Stream<String> keysIn(Path template) {
    try {
      String withoutComments = COMMENT.matcher(Files.readString(template)).replaceAll("");
      Matcher m = KEY_IN_TEMPLATE.matcher(withoutComments);
      Stream.Builder<String> keys = Stream.builder();
      while (m.find()) {
        keys.add(m.group(1));
      }
      return keys.build();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
