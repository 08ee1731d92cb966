package org.flowcrm.ui.record;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flowcrm.crm.customfield.CustomFieldService;
import org.flowcrm.crm.customfield.CustomFieldType;
import org.flowcrm.crm.customfield.CustomFieldView;
import org.flowcrm.crm.customfield.CustomizableEntity;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The custom fields of a record form ({@code customFields[code]} inputs, see {@code
 * record/extras.ftlh}): which inputs to show, the values typed into them as the service takes them,
 * and where the service's refusals ({@code customFields.<code>}) go. The form sends text; types,
 * options and required fields are checked by {@link CustomFieldService}, once, for every client.
 */
@Component
public class CustomFieldInputs {

  /** The model attribute the form macro reads. */
  public static final String ATTRIBUTE = "customFieldInputs";

  private final CustomFieldService fields;

  CustomFieldInputs(CustomFieldService fields) {
    this.fields = fields;
  }

  /**
   * Adds the definitions to the model and makes sure {@code typed} has an entry for each, so a
   * refusal can be bound to its field.
   */
  public void addTo(Model model, CustomizableEntity entity, Map<String, String> typed) {
    List<CustomFieldView> definitions = fields.list(entity);
    for (CustomFieldView field : definitions) {
      typed.putIfAbsent(field.code(), "");
    }
    model.addAttribute(ATTRIBUTE, definitions);
  }

  /** The record's stored values as the form's text: money as "1250.50 EUR". */
  public static void fill(Map<String, String> typed, Map<String, Object> stored) {
    if (stored == null) {
      return;
    }
    stored.forEach((code, value) -> typed.put(code, text(value)));
  }

  /**
   * The typed values for the command: every field of the form, empty ones as {@code null} (which
   * removes a value), an unticked checkbox as {@code false}.
   */
  public Map<String, Object> values(CustomizableEntity entity, Map<String, String> typed) {
    Map<String, Object> values = new HashMap<>();
    for (CustomFieldView field : fields.list(entity)) {
      String text = typed.get(field.code());
      if (field.type() == CustomFieldType.BOOLEAN) {
        values.put(field.code(), "true".equals(text));
      } else {
        values.put(field.code(), text == null || text.isBlank() ? null : text.strip());
      }
    }
    return values;
  }

  /**
   * {@code customFields.budget} (the service's name) → {@code customFields[budget]} (the form's).
   */
  public Map<String, String> errorFields(CustomizableEntity entity) {
    Map<String, String> names = new HashMap<>();
    for (CustomFieldView field : fields.list(entity)) {
      names.put("customFields." + field.code(), "customFields[" + field.code() + "]");
    }
    return names;
  }

  private static String text(Object value) {
    if (value == null) {
      return "";
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
