package org.flowcrm.ui.record;

/**
 * A field of a record card that is edited in place: its name (in the URL, the form's input id and
 * the card's {@code data-field}), its label's message key, the input it takes and, for text, the
 * longest text the service takes (0: no limit in the input).
 */
public record InPlaceField(String name, String labelKey, Input input, int maxLength) {

  /** The kind of input the field's in-place form shows. */
  public enum Input {
    TEXT,
    LONG_TEXT,
    NUMBER,
    DATE,
    CHOICE,
    YES_NO
  }

  public static InPlaceField text(String name, String labelKey, int maxLength) {
    return new InPlaceField(name, labelKey, Input.TEXT, maxLength);
  }

  public static InPlaceField of(String name, String labelKey, Input input) {
    return new InPlaceField(name, labelKey, input, 0);
  }
}
