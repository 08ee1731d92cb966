package org.flowcrm.ui.record;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flowcrm.crm.shared.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Contact and company cards' fields edited in place with htmx, for every record kind that has an
 * {@link InPlaceFields} bean: {@code GET /{kind}/{id}/fields/{field}} swaps a one-field form into
 * the card, {@code POST} saves it with the version the form was rendered with and answers with the
 * field's new value (and, out of band, the card's heading), {@code GET .../value} gives the value
 * back (Cancel, Esc). A refusal, a stale version included, comes back as the form with the message
 * at the field and status 422, which the layout's htmx configuration swaps. Without script the card
 * links each field to the record's edit page, and a plain request for a field form is sent there.
 */
@Controller
class RecordFieldsController {

  static final String FORM_FRAGMENT = "record/field-form";
  static final String VALUE_FRAGMENT = "record/field-value";

  private final Map<String, InPlaceFields<?, ?>> kinds = new LinkedHashMap<>();
  private final MessageSource messages;

  RecordFieldsController(List<InPlaceFields<?, ?>> kinds, MessageSource messages) {
    kinds.forEach(kind -> this.kinds.put(kind.path(), kind));
    this.messages = messages;
  }

  @GetMapping("/{kind}/{id}/fields/{field}")
  String edit(
      @PathVariable String kind,
      @PathVariable long id,
      @PathVariable String field,
      @RequestHeader(name = "HX-Request", required = false) String htmx,
      Model model) {
    InPlaceFields<?, ?> fields = kind(kind);
    InPlaceField edited = field(fields, field);
    if (htmx == null) {
      return "redirect:/" + kind + "/" + id + "/edit";
    }
    return form(model, fields, id, edited, null, null, null);
  }

  @GetMapping("/{kind}/{id}/fields/{field}/value")
  String value(
      @PathVariable String kind, @PathVariable long id, @PathVariable String field, Model model) {
    InPlaceFields<?, ?> fields = kind(kind);
    return value(model, fields, field(fields, field), fields.load(id));
  }

  @PostMapping("/{kind}/{id}/fields/{field}")
  String save(
      @PathVariable String kind,
      @PathVariable long id,
      @PathVariable String field,
      @RequestParam(required = false) String value,
      @RequestParam long version,
      @RequestHeader(name = "HX-Request", required = false) String htmx,
      Model model,
      HttpServletResponse response) {
    InPlaceFields<?, ?> fields = kind(kind);
    InPlaceField edited = field(fields, field);
    String typed = value == null ? "" : value.strip();
    try {
      Object saved = saveTyped(fields, id, edited, typed, version);
      return htmx == null ? "redirect:/" + kind + "/" + id : value(model, fields, edited, saved);
    } catch (RuntimeException failure) {
      String error = InPlaceEditing.refusal(failure, messages);
      if (error == null) {
        throw failure;
      }
      response.setStatus(422);
      return form(model, fields, id, edited, typed, version, error);
    }
  }

  private static <V> V saveTyped(
      InPlaceFields<V, ?> fields, long id, InPlaceField field, String typed, long version) {
    return fields.save(fields.load(id), field.name(), typed, version);
  }

  @SuppressWarnings("unchecked")
  private static <V> String value(
      Model model, InPlaceFields<V, ?> fields, InPlaceField field, Object record) {
    V typedRecord = (V) record;
    InPlaceFields.Card card = fields.card(typedRecord);
    model.addAttribute("url", "/" + fields.path() + "/" + card.id());
    model.addAttribute("field", field);
    model.addAttribute("shown", fields.shown(typedRecord, field.name()));
    model.addAttribute("heading", card.heading());
    model.addAttribute("vip", card.vip());
    return VALUE_FRAGMENT;
  }

  /** The field's form: as the record has it, or ({@code typed} given) with a refusal. */
  private static <V> String form(
      Model model,
      InPlaceFields<V, ?> fields,
      long id,
      InPlaceField field,
      String typed,
      Long version,
      String error) {
    String value = typed;
    long shownVersion;
    if (version == null) {
      V record = fields.load(id);
      value = fields.current(record, field.name());
      shownVersion = fields.card(record).version();
    } else {
      shownVersion = version;
    }
    model.addAttribute("url", "/" + fields.path() + "/" + id);
    model.addAttribute("field", field);
    model.addAttribute("value", value == null ? "" : value);
    model.addAttribute("version", shownVersion);
    model.addAttribute("choices", fields.choices(field.name()));
    if (error != null) {
      model.addAttribute("error", error);
    }
    return FORM_FRAGMENT;
  }

  private InPlaceFields<?, ?> kind(String kind) {
    InPlaceFields<?, ?> fields = kinds.get(kind);
    if (fields == null) {
      throw new NotFoundException("Record kind with fields edited in place", kind);
    }
    return fields;
  }

  private static InPlaceField field(InPlaceFields<?, ?> fields, String name) {
    InPlaceField field = fields.field(name);
    if (field == null) {
      throw new NotFoundException("Field edited in place", name);
    }
    return field;
  }
}
