package org.flowcrm.crm.shared;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Selectable fields on every list: {@code ?fields=id,title,amount} answers each item with only
 * those properties, so an integration that shows a table of names does not download every deal's
 * rows and contacts. Applies to each endpoint answering a {@link CursorPage}; a name the item does
 * not have is a 400 naming it and the names there are, rather than an empty column.
 */
@RestControllerAdvice
class SelectedFields implements ResponseBodyAdvice<Object> {

  static final String PARAMETER = "fields";

  private final JsonMapper json;

  SelectedFields(JsonMapper json) {
    this.json = json;
  }

  @Override
  public boolean supports(
      MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
    return CursorPage.class.isAssignableFrom(returnType.getParameterType());
  }

  @Override
  public Object beforeBodyWrite(
      Object body,
      MethodParameter returnType,
      MediaType contentType,
      Class<? extends HttpMessageConverter<?>> converterType,
      ServerHttpRequest request,
      ServerHttpResponse response) {
    if (!(body instanceof CursorPage<?> page)
        || !(request instanceof ServletServerHttpRequest servlet)) {
      return body;
    }
    String requested = servlet.getServletRequest().getParameter(PARAMETER);
    if (requested == null || requested.isBlank()) {
      return body;
    }
    Set<String> fields = parse(requested, itemType(returnType));
    List<JsonNode> items = page.items().stream().map(item -> keep(item, fields)).toList();
    return new CursorPage<>(items, page.nextCursor());
  }

  private JsonNode keep(Object item, Set<String> fields) {
    JsonNode node = json.valueToTree(item);
    if (node instanceof ObjectNode object) {
      object.retain(fields);
    }
    return node;
  }

  private static Set<String> parse(String requested, Class<?> itemType) {
    Set<String> fields =
        Arrays.stream(requested.split(","))
            .map(String::trim)
            .filter(name -> !name.isEmpty())
            .collect(Collectors.toCollection(LinkedHashSet::new));
    if (itemType != null && itemType.isRecord()) {
      Set<String> known =
          Arrays.stream(itemType.getRecordComponents())
              .map(RecordComponent::getName)
              .collect(Collectors.toCollection(LinkedHashSet::new));
      List<String> unknown = fields.stream().filter(name -> !known.contains(name)).toList();
      if (!unknown.isEmpty()) {
        throw new BadParameterException(
            PARAMETER,
            "unknown field"
                + (unknown.size() > 1 ? "s " : " ")
                + String.join(", ", unknown)
                + "; the items have: "
                + String.join(", ", known));
      }
    }
    return fields;
  }

  private static Class<?> itemType(MethodParameter returnType) {
    return ResolvableType.forMethodParameter(returnType).getGeneric(0).resolve();
  }

  /** Documents the parameter on every list operation in the OpenAPI document. */
  @Bean
  static OperationCustomizer selectableFieldsParameter() {
    return (Operation operation, HandlerMethod handler) -> {
      if (CursorPage.class.isAssignableFrom(handler.getMethod().getReturnType())) {
        operation.addParametersItem(
            new QueryParameter()
                .name(PARAMETER)
                .description(
                    "Comma-separated names of the item properties to return (all when absent),"
                        + " e.g. id,title,amount")
                .example("id,title,amount")
                .schema(new StringSchema()));
      }
      return operation;
    };
  }
}
