package org.flowcrm.ui.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The attacks a user can type into a text field, and a filler that puts one of them into every
 * {@code String} component of a command record (nested records and lists of records included),
 * found by reflection: a text field added to a command later gets the payloads without a change
 * here. Components the validation restricts to a pattern ({@code @Pattern}, {@code @Email}: codes,
 * currencies, e-mail addresses, phone numbers, IBANs) cannot hold markup at all; they take the
 * value the test gives, and are listed as such.
 */
final class Payloads {

  static final String SCRIPT = "<script>alert(1)</script>";
  static final String IMG = "\"><img src=x onerror=alert(2)>";
  static final String JS_URL = "javascript:alert(3)";
  static final String SQL = "'; DROP TABLE contact; --";
  static final String EL = "${7*7}";
  static final String SPEL = "#{7*7}";
  static final String FORMULA = "=HYPERLINK(\"x\")";

  /** All of them, in the order the tests number their records. */
  static final List<String> ALL = List.of(SCRIPT, IMG, JS_URL, SQL, EL, SPEL, FORMULA);

  /** Text fields filled with a payload ("LeadCommand.title"), over every record filled. */
  static final Set<String> FILLED = new TreeSet<>();

  /** Text fields that validation restricts to a pattern, with the value they were given. */
  static final Set<String> RESTRICTED = new TreeSet<>();

  private Payloads() {}

  /**
   * A {@code type} record with every free-text component holding {@code payload} (cut to the
   * component's {@code @Size(max)}); other components from {@code given}, keyed "Record.component"
   * (null when not given). Nested records are filled the same way; a list of records gets one.
   */
  static <T extends Record> T fill(Class<T> type, String payload, Map<String, Object> given) {
    RecordComponent[] components = type.getRecordComponents();
    Object[] values = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      RecordComponent c = components[i];
      types[i] = c.getType();
      values[i] = value(type, c, payload, given);
    }
    try {
      var constructor = type.getDeclaredConstructor(types);
      constructor.setAccessible(true);
      return constructor.newInstance(values);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
    }
  }

  private static Object value(
      Class<?> owner, RecordComponent c, String payload, Map<String, Object> given) {
    String key = owner.getSimpleName() + "." + c.getName();
    if (given.containsKey(key)) {
      return given.get(key);
    }
    Class<?> type = c.getType();
    if (type == String.class) {
      Field field = field(owner, c.getName());
      if (field.isAnnotationPresent(Pattern.class) || field.isAnnotationPresent(Email.class)) {
        RESTRICTED.add(key);
        return null;
      }
      FILLED.add(key);
      Size size = field.getAnnotation(Size.class);
      int max = size == null ? 1000 : size.max();
      return payload.length() <= max ? payload : payload.substring(0, max);
    }
    if (type.isRecord()) {
      return fill(type.asSubclass(Record.class), payload, given);
    }
    if (type == List.class) {
      Type element = ((ParameterizedType) c.getGenericType()).getActualTypeArguments()[0];
      if (element instanceof Class<?> elementClass && elementClass.isRecord()) {
        return List.of(fill(elementClass.asSubclass(Record.class), payload, given));
      }
      return null;
    }
    if (type == boolean.class) {
      return false;
    }
    if (type == int.class || type == long.class) {
      return 0;
    }
    return null;
  }

  private static Field field(Class<?> owner, String name) {
    try {
      return owner.getDeclaredField(name);
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code payload} cut to {@code max} characters, as {@link #fill} stores it. */
  static String cut(String payload, int max) {
    return payload.length() <= max ? payload : payload.substring(0, max);
  }

  /**
   * Asserts that nothing a payload carries became markup in the parsed page: no script that alerts,
   * no element with an event handler attribute, no image from {@code x}, no {@code javascript:}
   * address in a link, frame, form or image.
   */
  static void assertHarmless(Document page, String where) {
    List<String> found = new ArrayList<>();
    for (Element e : page.getAllElements()) {
      if (e.tagName().equals("script") && e.data().contains("alert(")) {
        found.add("script " + e.data());
      }
      if (e.tagName().equals("img") && e.attr("src").equals("x")) {
        found.add("img " + e);
      }
      for (Attribute a : e.attributes()) {
        String name = a.getKey().toLowerCase(Locale.ROOT);
        String value = a.getValue().replaceAll("[\\s\\u0000-\\u001f]", "").toLowerCase(Locale.ROOT);
        if (name.startsWith("on")) {
          found.add(name + " on <" + e.tagName() + ">: " + a.getValue());
        }
        if (Set.of("href", "src", "action", "formaction", "srcdoc", "data", "xlink:href")
                .contains(name)
            && value.startsWith("javascript:")) {
          found.add(name + "=" + a.getValue() + " on <" + e.tagName() + ">");
        }
      }
    }
    assertThat(found).as("injected markup in %s", where).isEmpty();
  }

  /**
   * Asserts that the page shows {@code text} as text (escaped in the HTML, shown literally), in its
   * text or, on a form, as the value of an input.
   */
  static void assertShown(Document page, String text, String where) {
    StringBuilder shown = new StringBuilder(page.text());
    page.select("input[value]").forEach(i -> shown.append('\n').append(i.attr("value")));
    assertThat(shown.toString()).as("%s shows the text literally", where).contains(text);
  }
}
