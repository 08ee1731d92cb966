package org.flowcrm.ui.record;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flowcrm.crm.customfield.CustomFieldService;
import org.flowcrm.crm.customfield.CustomFieldView;
import org.flowcrm.crm.customfield.CustomizableEntity;
import org.flowcrm.crm.history.FieldChangeView;
import org.flowcrm.crm.history.HistoryService;
import org.flowcrm.crm.shared.ListRequest;
import org.flowcrm.crm.user.UserService;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Adds a card's custom fields ({@code customFieldRows}) and its latest changes ({@code changes}) to
 * the page model. The caller has opened the record through its service, which checked that the user
 * may read it.
 */
@Component
public class RecordExtras {

  /** How many changes a card shows; the REST API pages through all of them. */
  static final int CHANGES_SHOWN = 20;

  private final CustomFieldService customFields;
  private final HistoryService history;
  private final UserService users;

  RecordExtras(CustomFieldService customFields, HistoryService history, UserService users) {
    this.customFields = customFields;
    this.history = history;
    this.users = users;
  }

  /** A custom field with its value as text ({@code null} when the record has none). */
  public record CustomFieldRow(String code, String label, String value) {}

  /**
   * One change: {@code field} is a message key suffix ({@code history.field.<field>}) unless {@code
   * label} (a custom field's) is set.
   */
  public record ChangeRow(
      String field,
      String label,
      String oldValue,
      String newValue,
      String changedByName,
      Instant changedAt) {}

  public void addTo(Model model, CustomizableEntity entity, long id, Map<String, Object> values) {
    List<CustomFieldView> fields = customFields.list(entity);
    Map<String, String> labels = new LinkedHashMap<>();
    List<CustomFieldRow> rows = new ArrayList<>();
    for (CustomFieldView field : fields) {
      labels.put(field.code(), field.label());
      rows.add(new CustomFieldRow(field.code(), field.label(), text(values.get(field.code()))));
    }
    List<FieldChangeView> latest =
        history.changes(entity.name(), id, ListRequest.first(CHANGES_SHOWN)).items();
    // the history keeps the responsible's id; people read his name
    List<Long> people = new ArrayList<>();
    for (FieldChangeView c : latest) {
      if (c.field().equals(RESPONSIBLE)) {
        people.add(userId(c.oldValue()));
        people.add(userId(c.newValue()));
      }
    }
    people.removeIf(java.util.Objects::isNull);
    Map<Long, String> names = people.isEmpty() ? Map.of() : users.displayNames(people);
    List<ChangeRow> changes = new ArrayList<>();
    for (FieldChangeView c : latest) {
      String label = null;
      if (c.field().startsWith("customFields.")) {
        String code = c.field().substring("customFields.".length());
        label = labels.getOrDefault(code, code);
      }
      String before = c.oldValue();
      String after = c.newValue();
      if (c.field().equals(RESPONSIBLE)) {
        before = names.getOrDefault(userId(before), before);
        after = names.getOrDefault(userId(after), after);
      }
      changes.add(new ChangeRow(c.field(), label, before, after, c.changedByName(), c.changedAt()));
    }
    model.addAttribute("customFieldRows", rows);
    model.addAttribute("changes", changes);
  }

  private static final String RESPONSIBLE = "responsibleId";

  private static Long userId(String text) {
    try {
      return text == null ? null : Long.valueOf(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** A custom field value as text: money as amount and currency, numbers without trailing zeros. */
  public static String text(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Map<?, ?> money) {
      return text(money.get("amount")) + " " + money.get("currency");
    }
    if (value instanceof BigDecimal number) {
      return number.stripTrailingZeros().toPlainString();
    }
    return value.toString();
  }
}
