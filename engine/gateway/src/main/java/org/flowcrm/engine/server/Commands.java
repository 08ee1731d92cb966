package org.flowcrm.engine.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flowcrm.engine.api.EngineException;
import org.flowcrm.engine.api.Rejection;

/**
 * What both gateways share: reading variables documents and describing a refused command the way a
 * Zeebe gateway does ({@code Command 'COMPLETE' rejected with code 'NOT_FOUND': ...}), so client
 * logs read the same against our engine and against a real cluster.
 */
public final class Commands {

  /** One mapper for every request and response: thread-safe once configured. */
  public static final ObjectMapper JSON = JsonMapper.builder().build();

  private Commands() {}

  /**
   * The message a client shows for a refused command. The core words the reason; the gateway adds
   * the intent and code prefix unless the core already did.
   */
  public static String describe(String intent, EngineException e) {
    String reason = e.getMessage() == null ? "" : e.getMessage();
    if (reason.startsWith("Command '")) {
      return reason;
    }
    return "Command '" + intent + "' rejected with code '" + e.rejection() + "': " + reason;
  }

  /**
   * A variables document from a JSON string (gRPC carries them as strings). Empty means none.
   * Anything but an object is refused, as the broker does.
   */
  public static Map<String, Object> variables(String json) {
    if (json == null || json.isBlank()) {
      return Map.of();
    }
    try {
      return variables(JSON.readTree(json));
    } catch (JsonProcessingException e) {
      throw new EngineException(
          Rejection.INVALID_ARGUMENT,
          "Property 'variables' is invalid: Expected document to be valid JSON, but it was not: "
              + e.getOriginalMessage());
    }
  }

  /** A variables document from a parsed JSON value; null or missing means none. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> variables(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return Map.of();
    }
    if (!node.isObject()) {
      throw new EngineException(
          Rejection.INVALID_ARGUMENT,
          "Property 'variables' is invalid: Expected document to be a root level object, but was '"
              + node.getNodeType().name()
              + "'");
    }
    return JSON.convertValue(node, LinkedHashMap.class);
  }

  public static String toJson(Object value) {
    try {
      return JSON.writeValueAsString(value == null ? Map.of() : value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write variables as JSON", e);
    }
  }

  /**
   * Long polling as the protocol defines {@code requestTimeout}: 0 waits the gateway default,
   * negative answers at once.
   */
  public static Duration longPolling(long requestTimeoutMillis, Duration defaultTimeout) {
    if (requestTimeoutMillis == 0) {
      return defaultTimeout;
    }
    return requestTimeoutMillis < 0 ? Duration.ZERO : Duration.ofMillis(requestTimeoutMillis);
  }
}
