package org.flowcrm.ui.deal;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flowcrm.crm.deal.DealService;
import org.flowcrm.crm.deal.DealType;
import org.flowcrm.crm.deal.DealView;
import org.flowcrm.crm.shared.InvalidFieldException;
import org.flowcrm.crm.shared.NotFoundException;
import org.flowcrm.crm.user.UserService;
import org.flowcrm.ui.record.FormChoices;
import org.flowcrm.ui.record.InPlaceEditing;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The deal card's fields edited in place with htmx: {@code GET /deals/{id}/fields/{field}} swaps a
 * one-field form into the card, {@code POST} saves it with the version the form was rendered with
 * and answers with the field's new value (plus, out of band, the card's other version inputs, so
 * the stage and rows forms stay current), {@code GET .../value} gives the value back (Cancel, Esc).
 * A refusal comes back as the form with the message at the field, with status 422: the status the
 * layout's htmx configuration swaps (a stale version is 412 in the API; here it is a message at the
 * field like any other refusal). Without script the card links each field to the deal's edit page
 * instead, and a plain request for a field form is sent there. The stage is not one of these
 * fields: it moves through the process ({@code POST /deals/{id}/stage}). The delivery wishes are
 * fields too; the time window's form has two inputs, from ({@code value}) and to ({@code to}).
 */
@Controller
class DealFieldsController {

  static final String FORM_FRAGMENT = "deal/field-form";
  static final String VALUE_FRAGMENT = "deal/field-value";

  /** The fields edited in place, with their label keys. */
  static final Map<String, String> LABELS = new LinkedHashMap<>();

  static {
    LABELS.put("title", "deal.field.title");
    LABELS.put("amount", "deal.field.amount");
    LABELS.put("currency", "deal.field.currency");
    LABELS.put("probability", "deal.field.probability");
    LABELS.put("expectedCloseDate", "deal.field.closeDate");
    LABELS.put("type", "deal.field.type");
    LABELS.put("responsibleId", "record.responsible");
    LABELS.put("deliveryAddress", "deal.delivery.address");
    LABELS.put("deliveryDate", "deal.delivery.date");
    LABELS.put("deliveryWindow", "deal.delivery.window");
    LABELS.put("deliveryNote", "deal.delivery.note");
  }

  private final DealService deals;
  private final UserService users;
  private final FormChoices choices;
  private final MessageSource messages;

  DealFieldsController(
      DealService deals, UserService users, FormChoices choices, MessageSource messages) {
    this.deals = deals;
    this.users = users;
    this.choices = choices;
    this.messages = messages;
  }

  @GetMapping("/deals/{id}/fields/{field}")
  String edit(
      @PathVariable long id,
      @PathVariable String field,
      @RequestHeader(name = "HX-Request", required = false) String htmx,
      Model model) {
    requireField(field);
    if (htmx == null) {
      return "redirect:/deals/" + id + "/edit";
    }
    DealView deal = deals.get(id);
    form(model, deal, field, current(deal, field), windowEnd(deal, field), deal.version(), null);
    return FORM_FRAGMENT;
  }

  @GetMapping("/deals/{id}/fields/{field}/value")
  String value(@PathVariable long id, @PathVariable String field, Model model) {
    requireField(field);
    return value(model, deals.get(id), field);
  }

  @PostMapping("/deals/{id}/fields/{field}")
  String save(
      @PathVariable long id,
      @PathVariable String field,
      @RequestParam(required = false) String value,
      @RequestParam(required = false) String to,
      @RequestParam long version,
      @RequestHeader(name = "HX-Request", required = false) String htmx,
      Model model,
      HttpServletResponse response) {
    requireField(field);
    DealView deal = deals.get(id);
    String typed = value == null ? "" : value.strip();
    String typedTo = to == null ? "" : to.strip();
    try {
      DealForm changed = DealForm.of(deal);
      set(changed, field, typed, typedTo);
      DealView saved = deals.update(id, changed.toUpdateCommand(deal, null, this::text), version);
      if (htmx == null) {
        return "redirect:/deals/" + id;
      }
      return value(model, saved, field);
    } catch (RuntimeException failure) {
      String error = InPlaceEditing.refusal(failure, messages);
      if (error == null) {
        throw failure;
      }
      response.setStatus(422);
      form(model, deal, field, typed, typedTo, version, error);
      return FORM_FRAGMENT;
    }
  }

  private String value(Model model, DealView deal, String field) {
    model.addAttribute("deal", deal);
    model.addAttribute("field", field);
    model.addAttribute("labelKey", LABELS.get(field));
    Map<String, String> names = new LinkedHashMap<>();
    if (deal.responsibleId() != null) {
      users
          .displayNames(java.util.List.of(deal.responsibleId()))
          .forEach((userId, name) -> names.put(String.valueOf(userId), name));
    }
    model.addAttribute("names", names);
    return VALUE_FRAGMENT;
  }

  private void form(
      Model model,
      DealView deal,
      String field,
      String value,
      String valueTo,
      long version,
      String error) {
    model.addAttribute("deal", deal);
    model.addAttribute("field", field);
    model.addAttribute("labelKey", LABELS.get(field));
    model.addAttribute("value", value == null ? "" : value);
    model.addAttribute("valueTo", valueTo == null ? "" : valueTo);
    model.addAttribute("version", version);
    if (field.equals("responsibleId")) {
      model.addAttribute("choices", choices.users());
    } else if (field.equals("type")) {
      Map<String, String> types = new LinkedHashMap<>();
      for (DealType type : DealType.values()) {
        types.put(type.name(), text("deal.type." + type.name()));
      }
      model.addAttribute("choices", types);
    }
    if (error != null) {
      model.addAttribute("error", error);
    }
  }

  private static void requireField(String field) {
    if (!LABELS.containsKey(field)) {
      throw new NotFoundException("Editable deal field", field);
    }
  }

  private static String current(DealView deal, String field) {
    Object value =
        switch (field) {
          case "title" -> deal.title();
          case "amount" -> deal.amount() == null ? null : deal.amount().toPlainString();
          case "currency" -> deal.currency();
          case "probability" -> deal.probability();
          case "expectedCloseDate" -> deal.expectedCloseDate();
          case "type" -> deal.type() == null ? null : deal.type().name();
          case "responsibleId" -> deal.responsibleId();
          case "deliveryAddress" -> DeliveryRow.of(deal.delivery()).getAddress();
          case "deliveryDate" -> DeliveryRow.of(deal.delivery()).getDate();
          case "deliveryWindow" -> DeliveryRow.of(deal.delivery()).getFrom();
          case "deliveryNote" -> DeliveryRow.of(deal.delivery()).getNote();
          default -> null;
        };
    return value == null ? "" : value.toString();
  }

  /** The time window's second input (its end); nothing for the other fields. */
  private static String windowEnd(DealView deal, String field) {
    DeliveryRow delivery = DeliveryRow.of(deal.delivery());
    return field.equals("deliveryWindow") && delivery.getTo() != null
        ? delivery.getTo().toString()
        : "";
  }

  /**
   * Puts the typed text into the field ({@code typedTo}: the time window's end); text that is not a
   * value of its type is refused here.
   */
  private void set(DealForm form, String field, String typed, String typedTo) {
    String blankToNull = typed.isEmpty() ? null : typed;
    DeliveryRow delivery = form.getDelivery();
    try {
      switch (field) {
        case "title" -> form.setTitle(typed);
        case "amount" ->
            form.setAmount(blankToNull == null ? null : new BigDecimal(typed.replace(',', '.')));
        case "currency" -> form.setCurrency(blankToNull);
        case "probability" ->
            form.setProbability(blankToNull == null ? null : Integer.valueOf(typed));
        case "expectedCloseDate" ->
            form.setExpectedCloseDate(blankToNull == null ? null : LocalDate.parse(typed));
        case "type" -> form.setType(blankToNull == null ? null : DealType.valueOf(typed));
        case "responsibleId" ->
            form.setResponsibleId(blankToNull == null ? null : Long.valueOf(typed));
        case "deliveryAddress" -> delivery.setAddress(typed);
        case "deliveryDate" ->
            delivery.setDate(blankToNull == null ? null : LocalDate.parse(typed));
        case "deliveryWindow" -> {
          delivery.setFrom(blankToNull == null ? null : LocalTime.parse(typed));
          delivery.setTo(typedTo.isEmpty() ? null : LocalTime.parse(typedTo));
          delivery.setOtherWindow(null); // both empty: no window
        }
        case "deliveryNote" -> delivery.setNote(typed);
        default -> throw new NotFoundException("Editable deal field", field);
      }
    } catch (NumberFormatException | DateTimeParseException notOfItsType) {
      throw new InvalidFieldException(field, text("typeMismatch"));
    } catch (IllegalArgumentException notAChoice) {
      throw new InvalidFieldException(field, text("typeMismatch"));
    }
  }

  private String text(String key) {
    return messages.getMessage(key, null, LocaleContextHolder.getLocale());
  }
}
