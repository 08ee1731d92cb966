package org.flowcrm.ui.layout;

import java.util.List;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A one-time message shown at the top of the next page, after a redirect. The text comes from the
 * message bundles: {@code messageKey} with {@code args}.
 *
 * @param kind how the message is styled and announced
 * @param messageKey key in {@code messages.properties}
 * @param args arguments of the message
 */
public record Flash(Kind kind, String messageKey, List<Object> args) {

  /** The model attribute the layout reads. */
  public static final String ATTRIBUTE = "flash";

  /** How the message is styled; errors are announced assertively. */
  public enum Kind {
    SUCCESS,
    INFO,
    ERROR;

    /** Lower-case name, used as a CSS class suffix. */
    public String css() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public Flash {
    args = List.copyOf(args);
  }

  /** Adds a success message for the page after the redirect. */
  public static void success(RedirectAttributes redirect, String messageKey, Object... args) {
    redirect.addFlashAttribute(ATTRIBUTE, new Flash(Kind.SUCCESS, messageKey, List.of(args)));
  }

  /** Adds an error message for the page after the redirect. */
  public static void error(RedirectAttributes redirect, String messageKey, Object... args) {
    redirect.addFlashAttribute(ATTRIBUTE, new Flash(Kind.ERROR, messageKey, List.of(args)));
  }
}
