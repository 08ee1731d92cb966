package org.flowcrm.crm.customfield;

import jakarta.persistence.AttributeConverter;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JPA mapping of a record's custom field values: a JSON object in the record's {@code
 * custom_fields} column, keyed by field code. Records declare {@code @Convert(converter =
 * CustomFieldValues.class)} on a {@code Map<String, Object>}; the values are already normalised by
 * {@link CustomFieldService#merge} (numbers as decimals, dates as ISO strings).
 */
@jakarta.persistence.Converter
public class CustomFieldValues implements AttributeConverter<Map<String, Object>, String> {

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  /**
   * {@code values} as they read back from the column: numbers without a fraction as integers,
   * others as decimals. Records keep this form, so Hibernate's dirty check (current values against
   * the ones read back) sees no change where there is none and never bumps the version for nothing.
   */
  public static Map<String, Object> canonical(Map<String, Object> values) {
    CustomFieldValues converter = new CustomFieldValues();
    return converter.convertToEntityAttribute(converter.convertToDatabaseColumn(values));
  }

  @Override
  public String convertToDatabaseColumn(Map<String, Object> values) {
    return values == null || values.isEmpty() ? null : JSON.writeValueAsString(values);
  }

  @Override
  public Map<String, Object> convertToEntityAttribute(String json) {
    return json == null || json.isBlank()
        ? new LinkedHashMap<>()
        : JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {});
  }
}
