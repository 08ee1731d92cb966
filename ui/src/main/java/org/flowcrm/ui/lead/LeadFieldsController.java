package org.flowcrm.ui.lead;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import java.util.Map;
import org.flowcrm.crm.lead.LeadCommand;
import org.flowcrm.crm.lead.LeadService;
import org.flowcrm.crm.lead.LeadView;
import org.flowcrm.crm.shared.InvalidFieldException;
import org.flowcrm.crm.shared.NotFoundException;
import org.flowcrm.crm.shared.PreconditionFailedException;
import org.flowcrm.crm.shared.ProductRow;
import org.flowcrm.crm.user.UserService;
import org.flowcrm.ui.layout.Flash;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * In-place editing of single fields on the lead card: {@code GET /leads/{id}/fields/{field}} is the
 * field's form, as an htmx fragment swapped into the card (request header {@code HX-Request}) or as
 * a page of its own without script; {@code POST} saves it with the version the form was rendered
 * with, so an edit over someone else's newer change is refused ("changed by someone else, reload")
 * instead of overwriting it. Refusals are shown at the field.
 */
@Controller
class LeadFieldsController {

  static final String FIELD_PAGE = "lead/field-page";
  static final String FIELD_FRAGMENT = "lead/field-fragment";

  /** The fields edited in place, with their label key and maximum length. */
  private static final Map<String, String> LABELS =
      Map.of(
          "title", "lead.field.title",
          "companyName", "lead.field.company",
          "position", "lead.field.position",
          "responsibleId", "record.responsible");

  private static final Map<String, Integer> MAX_LENGTH =
      Map.of("title", 255, "companyName", 255, "position", 150, "responsibleId", 20);

  private final LeadService leads;
  private final UserService users;
  private final MessageSource messages;

  LeadFieldsController(LeadService leads, UserService users, MessageSource messages) {
    this.leads = leads;
    this.users = users;
    this.messages = messages;
  }

  @GetMapping("/leads/{id}/fields/{field}")
  String edit(
      @PathVariable long id,
      @PathVariable String field,
      @RequestHeader(name = "HX-Request", required = false) String htmx,
      Model model) {
    LeadView lead = leads.get(id);
    form(model, lead, field, current(lead, field), lead.version(), null);
    return htmx != null ? FIELD_FRAGMENT : FIELD_PAGE;
  }

  @PostMapping("/leads/{id}/fields/{field}")
  String save(
      @PathVariable long id,
      @PathVariable String field,
      @RequestParam(required = false) String value,
      @RequestParam long version,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    LeadView lead = leads.get(id);
    String typed = value == null ? "" : value.strip();
    requireField(field);
    String error = null;
    if (field.equals("title") && typed.isEmpty()) {
      error = text("record.edit.required");
      response.setStatus(422);
    } else {
      try {
        leads.update(id, with(lead, field, typed), version);
      } catch (PreconditionFailedException | OptimisticLockingFailureException stale) {
        error = text("record.edit.stale");
        response.setStatus(409);
      } catch (InvalidFieldException invalid) {
        error = invalid.problems().get(0).message();
        response.setStatus(422);
      } catch (ConstraintViolationException invalid) {
        error = invalid.getConstraintViolations().iterator().next().getMessage();
        response.setStatus(422);
      }
    }
    if (error != null) {
      form(model, lead, field, typed, version, error);
      return FIELD_PAGE;
    }
    Flash.success(redirect, "record.edit.saved", text(LABELS.get(field)));
    return "redirect:/leads/" + id;
  }

  private void form(
      Model model, LeadView lead, String field, String value, long version, String error) {
    requireField(field);
    model.addAttribute("lead", lead);
    model.addAttribute("field", field);
    model.addAttribute("labelKey", LABELS.get(field));
    model.addAttribute("maxLength", MAX_LENGTH.get(field));
    model.addAttribute("value", value == null ? "" : value);
    model.addAttribute("version", version);
    model.addAttribute("users", field.equals("responsibleId") ? users.list(true) : List.of());
    if (error != null) {
      model.addAttribute("error", error);
    }
  }

  private static void requireField(String field) {
    if (!LABELS.containsKey(field)) {
      throw new NotFoundException("Editable lead field", field);
    }
  }

  private static String current(LeadView lead, String field) {
    return switch (field) {
      case "title" -> lead.title();
      case "companyName" -> lead.companyName();
      case "position" -> lead.position();
      case "responsibleId" ->
          lead.responsibleId() == null ? "" : Long.toString(lead.responsibleId());
      default -> "";
    };
  }

  /** The lead's current values with new custom field values (the service takes whole records). */
  static LeadCommand withCustomFields(LeadView lead, java.util.Map<String, Object> values) {
    LeadCommand current = with(lead, "", "");
    return new LeadCommand(
        current.title(),
        current.firstName(),
        current.lastName(),
        current.companyName(),
        current.position(),
        current.address(),
        current.source(),
        current.status(),
        current.responsibleId(),
        current.phones(),
        current.emails(),
        current.productInterests(),
        values);
  }

  /** The lead's current values with one field changed: the service takes whole records. */
  private static LeadCommand with(LeadView lead, String field, String value) {
    String blankToNull = value.isEmpty() ? null : value;
    Long responsible = lead.responsibleId();
    if (field.equals("responsibleId")) {
      try {
        responsible = blankToNull == null ? null : Long.valueOf(blankToNull);
      } catch (NumberFormatException notANumber) {
        throw new InvalidFieldException("responsibleId", "choose a user from the list");
      }
    }
    return new LeadCommand(
        field.equals("title") ? value : lead.title(),
        lead.firstName(),
        lead.lastName(),
        field.equals("companyName") ? blankToNull : lead.companyName(),
        field.equals("position") ? blankToNull : lead.position(),
        lead.address(),
        lead.source(),
        null,
        responsible,
        lead.phones(),
        lead.emails(),
        lead.productInterests().stream()
            .map(
                r ->
                    new ProductRow(
                        r.productId(),
                        r.name(),
                        r.quantity(),
                        r.price(),
                        r.discountPercent(),
                        r.taxPercent()))
            .toList());
  }

  private String text(String key) {
    return messages.getMessage(key, null, LocaleContextHolder.getLocale());
  }
}
