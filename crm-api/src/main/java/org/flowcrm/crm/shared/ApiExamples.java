package org.flowcrm.crm.shared;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Gives every operation of the OpenAPI document an example request and response, built from
 * realistic values per property ({@link ApiExampleValues}) rather than Swagger's {@code "string"}
 * and {@code 0}. Examples written by hand on an operation ({@code @ExampleObject}) are kept; the
 * generated ones fill in where none exists, so a new endpoint is documented the day it is added.
 */
@Component
class ApiExamples implements OpenApiCustomizer {

  /** Deep enough for a deal with its rows; a cycle in the schemas stops here. */
  private static final int MAX_DEPTH = 5;

  /** Property paths that fell back to a placeholder; the documentation test lists them. */
  private final Set<String> placeholders = new TreeSet<>();

  @Override
  public void customise(OpenAPI openApi) {
    Map<String, Schema> components =
        openApi.getComponents() == null || openApi.getComponents().getSchemas() == null
            ? Map.of()
            : openApi.getComponents().getSchemas();
    placeholders.clear();
    if (openApi.getPaths() == null) {
      return;
    }
    openApi
        .getPaths()
        .values()
        .forEach(
            path -> path.readOperations().forEach(operation -> document(operation, components)));
  }

  /** What fell back to a placeholder in the last document: {@code Schema.property} names. */
  Set<String> placeholders() {
    return Set.copyOf(placeholders);
  }

  private void document(Operation operation, Map<String, Schema> components) {
    if (operation.getRequestBody() != null) {
      fill(operation.getRequestBody().getContent(), components);
    }
    if (operation.getResponses() != null) {
      for (Map.Entry<String, ApiResponse> response : operation.getResponses().entrySet()) {
        if (response.getKey().startsWith("2")) {
          fill(response.getValue().getContent(), components);
        }
      }
    }
  }

  private void fill(Content content, Map<String, Schema> components) {
    if (content == null) {
      return;
    }
    for (Map.Entry<String, MediaType> entry : content.entrySet()) {
      MediaType media = entry.getValue();
      boolean json = entry.getKey().contains("json") || entry.getKey().equals("*/*");
      boolean documented =
          media.getExample() != null
              || (media.getExamples() != null && !media.getExamples().isEmpty());
      if (json && !documented && media.getSchema() != null) {
        Object example = example(media.getSchema(), null, null, components, 0);
        if (example != null) {
          media.setExample(example);
        }
      }
    }
  }

  private Object example(
      Schema<?> schema, String owner, String property, Map<String, Schema> components, int depth) {
    if (schema.getExample() != null) {
      return schema.getExample();
    }
    if (schema.get$ref() != null) {
      String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
      Schema<?> referenced = components.get(name);
      return referenced == null || depth > MAX_DEPTH
          ? null
          : example(referenced, name, property, components, depth + 1);
    }
    if (schema.getAllOf() != null && !schema.getAllOf().isEmpty()) {
      return example(schema.getAllOf().get(0), owner, property, components, depth);
    }
    if (schema.getOneOf() != null && !schema.getOneOf().isEmpty()) {
      return example(schema.getOneOf().get(0), owner, property, components, depth);
    }
    if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
      return schema.getEnum().get(0);
    }
    if ("binary".equals(schema.getFormat()) || "byte".equals(schema.getFormat())) {
      return null; // a file download: Swagger UI offers the file, a made-up text would mislead
    }
    String type = type(schema);
    if ("array".equals(type)) {
      Schema<?> items = schema.getItems();
      if (items == null || depth > MAX_DEPTH) {
        return List.of();
      }
      Object item = example(items, owner, singular(property), components, depth + 1);
      return item == null ? List.of() : List.of(item);
    }
    if ("object".equals(type) || schema.getProperties() != null) {
      Map<String, Object> object = new LinkedHashMap<>();
      if (schema.getProperties() != null && depth <= MAX_DEPTH) {
        schema
            .getProperties()
            .forEach(
                (name, value) -> {
                  Object example = example(value, owner, name, components, depth + 1);
                  if (example != null) {
                    object.put(name, example);
                  }
                });
      }
      return object;
    }
    Object value = ApiExampleValues.of(owner, property, type, schema.getFormat());
    if (value == null) {
      placeholders.add((owner == null ? "" : owner + ".") + property + " (" + type + ")");
      return ApiExampleValues.placeholder(type);
    }
    return value;
  }

  private static String type(Schema<?> schema) {
    if (schema.getType() != null) {
      return schema.getType();
    }
    if (schema.getTypes() != null) {
      List<String> types = new ArrayList<>(schema.getTypes());
      types.remove("null");
      return types.isEmpty() ? null : types.get(0);
    }
    return null;
  }

  /** {@code emails} → {@code email}, so an array's items get the singular's example. */
  private static String singular(String property) {
    if (property == null) {
      return null;
    }
    return property.endsWith("s") && property.length() > 1
        ? property.substring(0, property.length() - 1)
        : property;
  }
}
