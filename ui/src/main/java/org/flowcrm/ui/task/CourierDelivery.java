package org.flowcrm.ui.task;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a courier needs beside his task, as the process handed it over ("Create courier task" sets
 * the variables {@code deliveryWishes}, {@code deliveryDeadline} and {@code documents}): the
 * client's delivery wishes, the deadline and the invoices to bring. Read from the task's variables
 * rather than the deal, so the page shows what the process gave the courier. Public, as the
 * template calls its accessors.
 */
public record CourierDelivery(
    String address,
    LocalDate date,
    String timeWindow,
    String note,
    LocalDate deadline,
    List<Document> documents) {

  /** A document the courier brings: its number and the page that shows it. */
  public record Document(String number, String href) {}

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** The delivery of a task whose variables (name → JSON) carry it; empty for other tasks. */
  static Optional<CourierDelivery> of(Map<String, String> variables) {
    String wishes = variables.get("deliveryWishes");
    if (wishes == null) {
      return Optional.empty();
    }
    try {
      JsonNode w = JSON.readTree(wishes);
      List<Document> documents = new ArrayList<>();
      String docs = variables.get("documents");
      if (docs != null) {
        for (JsonNode d : JSON.readTree(docs)) {
          if ("INVOICE".equals(text(d, "type")) && d.path("id").canConvertToLong()) {
            documents.add(new Document(text(d, "number"), "/invoices/" + d.path("id").asLong()));
          }
        }
      }
      String deadline = variables.get("deliveryDeadline");
      return Optional.of(
          new CourierDelivery(
              text(w, "address"),
              day(text(w, "date")),
              text(w, "timeWindow"),
              text(w, "note"),
              deadline == null ? null : day(text(JSON.readTree(deadline), null)),
              documents));
    } catch (JacksonException | java.time.format.DateTimeParseException unreadable) {
      return Optional.empty(); // a variable someone set by hand in another shape: show nothing
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = field == null ? node : node.path(field);
    return value.isString() && !value.asString().isBlank() ? value.asString() : null;
  }

  private static LocalDate day(String iso) {
    return iso == null ? null : LocalDate.parse(iso);
  }
}
