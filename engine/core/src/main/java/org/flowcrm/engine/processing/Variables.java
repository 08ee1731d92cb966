package org.flowcrm.engine.processing;

import java.util.LinkedHashMap;
import java.util.Map;
import org.flowcrm.engine.api.EngineException;
import org.flowcrm.engine.api.Rejection;
import org.flowcrm.engine.state.StateJson;

/**
 * Checks a variables document on the caller's thread before it becomes a command: it must be JSON
 * and fit the payload limit. Returns a private copy, so the caller cannot change it afterwards.
 */
final class Variables {

  private Variables() {}

  static Map<String, Object> document(Map<String, Object> variables, int maxPayloadBytes) {
    if (variables == null || variables.isEmpty()) {
      return new LinkedHashMap<>();
    }
    byte[] json;
    try {
      json = StateJson.writeVariables(variables);
    } catch (IllegalArgumentException e) {
      throw new EngineException(
          Rejection.INVALID_ARGUMENT,
          "Expected document to be a valid JSON object, but it could not be serialised: "
              + e.getMessage());
    }
    if (json.length > maxPayloadBytes) {
      throw tooLarge(json.length, maxPayloadBytes);
    }
    return new LinkedHashMap<>(StateJson.readVariables(json));
  }

  /**
   * The payload limit. A real cluster refuses a record above its maximum size with rejection code
   * EXCEEDED_BATCH_RECORD_SIZE, and its gRPC transport refuses oversized requests with
   * RESOURCE_EXHAUSTED; we answer RESOURCE_EXHAUSTED with Zeebe's wording (docs/engine-core.md).
   */
  static EngineException tooLarge(int size, int max) {
    return new EngineException(
        Rejection.RESOURCE_EXHAUSTED,
        "Command rejected with code 'EXCEEDED_BATCH_RECORD_SIZE': the variables document has "
            + size
            + " bytes, more than the "
            + max
            + " bytes allowed");
  }
}
