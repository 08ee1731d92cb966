package org.flowcrm.crm.customfield;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** A list field's options as a JSON array of strings. */
@Converter
class OptionsConverter implements AttributeConverter<List<String>, String> {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Override
  public String convertToDatabaseColumn(List<String> options) {
    return options == null || options.isEmpty() ? null : JSON.writeValueAsString(options);
  }

  @Override
  public List<String> convertToEntityAttribute(String json) {
    return json == null ? new ArrayList<>() : JSON.readValue(json, new TypeReference<>() {});
  }
}
