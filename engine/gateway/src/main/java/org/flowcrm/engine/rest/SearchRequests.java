package org.flowcrm.engine.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flowcrm.engine.api.SearchQuery;
import org.flowcrm.engine.api.SearchResult;

/**
 * Reads the body of a REST v2 search ({@code filter}, {@code sort}, {@code page}) into a {@link
 * SearchQuery} and writes the {@code page} of the answer.
 *
 * <p>Filters: a plain value, {@code {"$eq": v}} or {@code {"$in": [...]}}; other operators ({@code
 * $neq}, {@code $like}, {@code $gt}, ...) are refused with 400 naming the field. Sort: one field.
 * Paging: {@code from}/{@code limit}, or the cursors of an earlier answer ({@code after} = its
 * {@code endCursor}, {@code before} = its {@code startCursor}). A cursor here is an encoded offset:
 * unlike Camunda's it does not pin the position of an item when matches are added or removed
 * between two requests.
 */
final class SearchRequests {

  private static final String CURSOR_PREFIX = "offset:";

  private SearchRequests() {}

  static SearchQuery parse(JsonNode request, String entity) {
    Map<String, List<String>> filter = new LinkedHashMap<>();
    JsonNode filterNode = request.path("filter");
    if (!filterNode.isMissingNode() && !filterNode.isNull() && !filterNode.isObject()) {
      throw RestException.invalid("The filter of a " + entity + " search must be an object.");
    }
    for (var it = filterNode.fields(); it.hasNext(); ) {
      var field = it.next();
      List<String> values = values(entity, field.getKey(), field.getValue());
      if (values != null) {
        filter.put(field.getKey(), values);
      }
    }
    String sortField = null;
    boolean descending = false;
    JsonNode sort = request.path("sort");
    if (sort.size() > 1) {
      throw RestException.invalid("This engine sorts " + entity + " by one field only.");
    }
    if (sort.size() == 1) {
      JsonNode order = sort.get(0);
      sortField = order.path("field").asText(null);
      if (sortField == null || sortField.isBlank()) {
        throw RestException.invalid("No sort field provided for the " + entity + " search.");
      }
      String direction = order.path("order").asText("ASC");
      if (!"ASC".equalsIgnoreCase(direction) && !"DESC".equalsIgnoreCase(direction)) {
        throw RestException.invalid(
            "The sort order '" + direction + "' is not ASC or DESC (field " + sortField + ").");
      }
      descending = "DESC".equalsIgnoreCase(direction);
    }
    JsonNode page = request.path("page");
    int limit = page.path("limit").asInt(100);
    if (limit < 1 || limit > 10_000) {
      throw RestException.invalid(
          "The page limit '" + limit + "' must be between 1 and 10000 (page.limit).");
    }
    int from = page.path("from").asInt(0);
    if (from < 0) {
      throw RestException.invalid("The page from '" + from + "' must be 0 or more (page.from).");
    }
    if (page.hasNonNull("after")) {
      from = cursor(page.get("after").asText(), "page.after");
    } else if (page.hasNonNull("before")) {
      from = Math.max(0, cursor(page.get("before").asText(), "page.before") - limit);
    }
    return new SearchQuery(filter, sortField, descending, from, limit);
  }

  /** {@code page} of an answer: the total and cursors for the next and the previous page. */
  static void page(ObjectNode reply, SearchResult<?> result, SearchQuery query) {
    ObjectNode page = reply.putObject("page");
    page.put("totalItems", result.totalItems());
    page.put("hasMoreTotalItems", false);
    if (result.items().isEmpty()) {
      page.putNull("startCursor");
      page.putNull("endCursor");
    } else {
      page.put("startCursor", encode(query.from()));
      page.put("endCursor", encode(query.from() + result.items().size()));
    }
  }

  private static List<String> values(String entity, String field, JsonNode node) {
    if (node.isNull() || (node.isContainerNode() && node.isEmpty())) {
      return null;
    }
    if (node.isValueNode()) {
      return List.of(node.asText());
    }
    if (node.isArray()) {
      // e.g. the variables filter: not a value filter; the engine names it as unsupported
      List<String> values = new ArrayList<>();
      node.forEach(v -> values.add(v.toString()));
      return values;
    }
    List<String> values = null;
    for (var it = node.fields(); it.hasNext(); ) {
      var operator = it.next();
      JsonNode operand = operator.getValue();
      if (operand.isNull() || (operand.isContainerNode() && operand.isEmpty())) {
        continue;
      }
      if ("$eq".equals(operator.getKey()) && operand.isValueNode()) {
        values = List.of(operand.asText());
      } else if ("$in".equals(operator.getKey()) && operand.isArray()) {
        List<String> in = new ArrayList<>();
        operand.forEach(v -> in.add(v.asText()));
        values = in;
      } else {
        throw RestException.invalid(
            "This engine filters "
                + entity
                + " by "
                + field
                + " with a value, $eq or $in only, not "
                + operator.getKey()
                + ".");
      }
    }
    return values;
  }

  private static String encode(int offset) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((CURSOR_PREFIX + offset).getBytes(StandardCharsets.UTF_8));
  }

  private static int cursor(String text, String field) {
    try {
      String decoded = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
      if (decoded.startsWith(CURSOR_PREFIX)) {
        int offset = Integer.parseInt(decoded.substring(CURSOR_PREFIX.length()));
        if (offset >= 0) {
          return offset;
        }
      }
    } catch (IllegalArgumentException e) {
      // fall through to the refusal below (NumberFormatException is one too)
    }
    throw RestException.invalid(
        "The cursor '" + text + "' in " + field + " is not one this engine handed out.");
  }
}
