package org.flowcrm.engine.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a variables document sent as JSON text (gRPC carries them as strings) the way the engine
 * expects it: a JSON object, integers as {@code Long}. Anything else is refused with
 * INVALID_ARGUMENT and Zeebe's wording, so both gateways answer alike.
 */
public final class VariableDocuments {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_LONG_FOR_INTS);

  private VariableDocuments() {}

  /** Parses a document; null or blank text is an empty document. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> parse(String json) {
    if (json == null || json.isBlank()) {
      return new LinkedHashMap<>();
    }
    JsonNode node;
    try {
      node = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new EngineException(
          Rejection.INVALID_ARGUMENT,
          "Expected document to be valid JSON, but it could not be parsed: "
              + e.getOriginalMessage());
    }
    if (node == null || node.isNull() || node.isMissingNode()) {
      return new LinkedHashMap<>();
    }
    if (!node.isObject()) {
      throw new EngineException(
          Rejection.INVALID_ARGUMENT,
          "Expected document to be a root level object, but was '"
              + node.getNodeType().name().toUpperCase(Locale.ROOT)
              + "'");
    }
    return JSON.convertValue(node, LinkedHashMap.class);
  }
}
