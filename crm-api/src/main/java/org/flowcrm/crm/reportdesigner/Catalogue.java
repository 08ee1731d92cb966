package org.flowcrm.crm.reportdesigner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.flowcrm.crm.customfield.CustomFieldService;
import org.flowcrm.crm.customfield.CustomFieldView;
import org.springframework.stereotype.Component;

/**
 * The fields each entity offers: the built-in ones of {@link DesignerEntity} and the entity's
 * custom fields ({@code custom.<code>}), read from their definitions on every call so a new field
 * is usable at once. A custom field's code goes into a JSON path inside the SQL, so only codes of
 * letters, digits and underscores are offered (the custom field service allows nothing else; this
 * keeps it so should that ever change).
 */
@Component
public class Catalogue {

  static final String CUSTOM_PREFIX = "custom.";

  private static final Pattern SAFE_CODE = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,39}");

  private final CustomFieldService customFields;

  Catalogue(CustomFieldService customFields) {
    this.customFields = customFields;
  }

  /** Field code to field, built-in first, then custom fields in their display order. */
  Map<String, CatalogueField> fields(DesignerEntity entity) {
    Map<String, CatalogueField> fields = new LinkedHashMap<>();
    entity.fields().forEach(f -> fields.put(f.code(), f));
    if (entity.customFields() != null) {
      for (CustomFieldView custom : customFields.list(entity.customFields())) {
        if (SAFE_CODE.matcher(custom.code()).matches()) {
          CatalogueField field = custom(entity.alias(), custom);
          fields.put(field.code(), field);
        }
      }
    }
    return fields;
  }

  private static CatalogueField custom(String alias, CustomFieldView custom) {
    String path = "'$." + custom.code() + "'";
    String value = "JSON_VALUE(" + alias + ".custom_fields, " + path + ")";
    FieldType type;
    String sql;
    switch (custom.type()) {
      case NUMBER -> {
        type = FieldType.DECIMAL;
        sql = "CAST(" + value + " AS DECIMAL(38,4))";
      }
      case MONEY -> {
        // the amount in the value's own currency, as the list filters compare it
        type = FieldType.DECIMAL;
        sql =
            "CAST(JSON_VALUE("
                + alias
                + ".custom_fields, '$."
                + custom.code()
                + ".amount') AS DECIMAL(38,4))";
      }
      case DATE -> {
        type = FieldType.DATE;
        sql = "CAST(" + value + " AS DATE)";
      }
      case BOOLEAN -> {
        type = FieldType.BOOLEAN;
        sql = "(" + value + " = 'true')";
      }
      default -> {
        type = FieldType.TEXT;
        sql = value;
      }
    }
    return new CatalogueField(
        CUSTOM_PREFIX + custom.code(), "custom", type, custom.label(), sql, List.of());
  }

  /** What callers see of the catalogue: every entity with its fields, types and operators. */
  public List<EntityView> views() {
    List<EntityView> entities = new ArrayList<>();
    for (DesignerEntity entity : DesignerEntity.values()) {
      entities.add(view(entity));
    }
    return entities;
  }

  public EntityView view(DesignerEntity entity) {
    List<FieldView> fields =
        fields(entity).values().stream()
            .map(
                f ->
                    new FieldView(
                        f.code(),
                        f.group(),
                        f.label(),
                        f.type(),
                        f.type().operators(),
                        aggregates(f.type()),
                        f.type().temporal() ? Arrays.asList(DateGrouping.values()) : List.of()))
            .toList();
    return new EntityView(entity.code(), fields);
  }

  static Set<Aggregate> aggregates(FieldType type) {
    return type.numeric()
        ? EnumSet.allOf(Aggregate.class)
        : type == FieldType.BOOLEAN
            ? EnumSet.of(Aggregate.COUNT)
            : EnumSet.of(Aggregate.COUNT, Aggregate.MIN, Aggregate.MAX);
  }

  public record EntityView(String code, List<FieldView> fields) {}

  /** {@code label} only for custom fields; built-in ones are translated by group and code. */
  public record FieldView(
      String code,
      String group,
      String label,
      FieldType type,
      Set<Operator> operators,
      Set<Aggregate> aggregates,
      List<DateGrouping> dateGroupings) {}
}
