package org.flowcrm.crm.shared;

import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON Merge Patch (RFC 7396) over the PUT path: the record's current view is turned into JSON, the
 * patch is merged into it (a member set to {@code null} is removed, objects merge member by member,
 * anything else replaces), and the result is read as the feature's command, which the service then
 * validates and applies exactly as a {@code PUT} would. So a patch can never do what a full update
 * could not, and its errors name the same fields.
 */
@Component
public class JsonMergePatch {

  /** The media type a PATCH request carries. */
  public static final String MEDIA_TYPE = "application/merge-patch+json";

  /**
   * Members whose absence from a command means "leave as it is" (custom fields, a lead's status):
   * unless the patch names them they are not sent on, so the service keeps them without checking
   * them again.
   */
  private static final Set<String> KEPT_UNLESS_PATCHED = Set.of("customFields", "status");

  private final JsonMapper json;

  JsonMergePatch(JsonMapper json) {
    this.json = json;
  }

  /** The command that results from merging {@code patch} into {@code current}. */
  public <C> C apply(Object current, JsonNode patch, Class<C> commandType) {
    if (patch == null || !patch.isObject()) {
      throw new BadParameterException("body", "must be a JSON object (RFC 7396 merge patch)");
    }
    ObjectNode target = json.valueToTree(current);
    for (String member : KEPT_UNLESS_PATCHED) {
      target.remove(member);
    }
    if (patch.has("customFields")) {
      // Custom fields are already merged by the service, which removes a field given as null:
      // passing the patch's object on keeps those nulls instead of dropping them here.
      JsonNode fields = patch.get("customFields");
      if (!fields.isNull() && !fields.isObject()) {
        throw new BadParameterException("customFields", "must be an object of field codes");
      }
    }
    ObjectNode merged = (ObjectNode) merge(target, patch);
    if (patch.has("customFields") && patch.get("customFields").isObject()) {
      merged.set("customFields", patch.get("customFields"));
    }
    try {
      return json.treeToValue(merged, commandType);
    } catch (JacksonException e) {
      throw new BadParameterException(path(e), expectation(e));
    }
  }

  /** RFC 7396, section 2. */
  static JsonNode merge(JsonNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return patch;
    }
    ObjectNode result =
        target != null && target.isObject()
            ? (ObjectNode) target
            : JsonMapper.builder().build().createObjectNode();
    for (Map.Entry<String, JsonNode> member : patch.properties()) {
      if (member.getValue().isNull()) {
        result.remove(member.getKey());
      } else {
        result.set(member.getKey(), merge(result.get(member.getKey()), member.getValue()));
      }
    }
    return result;
  }

  private static String expectation(JacksonException e) {
    Class<?> type =
        e instanceof InvalidFormatException invalid
            ? invalid.getTargetType()
            : e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
    if (type == null) {
      return "cannot be read: " + e.getOriginalMessage();
    }
    if (type.isEnum()) {
      return "must be one of " + java.util.Arrays.toString(type.getEnumConstants());
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
      return "must be a number";
    }
    if (type.getName().startsWith("java.time.")) {
      return "must be an ISO-8601 " + type.getSimpleName();
    }
    if (java.util.Collection.class.isAssignableFrom(type)) {
      return "must be a list";
    }
    return type == String.class ? "must be a string" : "has the wrong type";
  }

  private static String path(JacksonException e) {
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference ref : e.getPath()) {
      if (ref.getPropertyName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(ref.getPropertyName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? "body" : path.toString();
  }
}
