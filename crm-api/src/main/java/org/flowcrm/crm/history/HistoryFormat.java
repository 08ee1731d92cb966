package org.flowcrm.crm.history;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.flowcrm.crm.shared.Named;
import org.flowcrm.crm.shared.ProductRow;

/** How a field's value reads in the history: short, stable text, never an object dump. */
final class HistoryFormat {

  static final int MAX = 2000;

  private HistoryFormat() {}

  static String describe(Object value) {
    String text = text(value);
    return text == null || text.length() <= MAX ? text : text.substring(0, MAX - 1) + "…";
  }

  private static String text(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof String s) {
      return s.isEmpty() ? null : s;
    }
    if (value instanceof BigDecimal d) {
      return d.stripTrailingZeros().toPlainString();
    }
    if (value instanceof Enum<?> e) {
      return e.name();
    }
    if (value instanceof Named n) {
      return n.getName();
    }
    if (value instanceof ProductRow r) {
      String row = r.name() + " × " + text(r.quantity()) + " à " + text(r.price());
      return r.discountPercent().signum() == 0
          ? row
          : row + " −" + text(r.discountPercent()) + " %";
    }
    if (value instanceof Collection<?> c) {
      String joined =
          c.stream()
              .map(HistoryFormat::text)
              .filter(Objects::nonNull)
              .collect(Collectors.joining("; "));
      return joined.isEmpty() ? null : joined;
    }
    if (value instanceof Map<?, ?> m) {
      String joined =
          m.entrySet().stream()
              .map(e -> e.getKey() + ": " + text(e.getValue()))
              .collect(Collectors.joining(", "));
      return joined.isEmpty() ? null : joined;
    }
    if (value.getClass().isRecord()) {
      // Phone, Email, Address, BankDetails: their parts, in declaration order
      String joined = "";
      for (RecordComponent component : value.getClass().getRecordComponents()) {
        try {
          String part = text(component.getAccessor().invoke(value));
          if (part != null) {
            joined = joined.isEmpty() ? part : joined + " " + part;
          }
        } catch (ReflectiveOperationException e) {
          return value.toString();
        }
      }
      return joined.isEmpty() ? null : joined;
    }
    return value.toString();
  }
}
