package org.flowcrm.ui.lead;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flowcrm.crm.customfield.CustomizableEntity;
import org.flowcrm.crm.lead.LeadService;
import org.flowcrm.crm.lead.LeadView;
import org.flowcrm.crm.shared.ConflictException;
import org.flowcrm.crm.shared.PreconditionFailedException;
import org.flowcrm.ui.layout.Flash;
import org.flowcrm.ui.layout.ServiceErrors;
import org.flowcrm.ui.record.CustomFieldInputs;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The lead's custom fields edited together ({@code /leads/{id}/custom-fields}): one form with an
 * input per field, saved with the version it was rendered with; the service's refusals (type,
 * option, required) are shown at their fields.
 */
@Controller
class LeadCustomFieldsController {

  static final String VIEW = "lead/custom-fields";

  private final LeadService leads;
  private final CustomFieldInputs inputs;

  LeadCustomFieldsController(LeadService leads, CustomFieldInputs inputs) {
    this.leads = leads;
    this.inputs = inputs;
  }

  /** What the form posts: the typed values and the version they were rendered with. */
  public static class CustomFieldsForm {
    private Map<String, String> customFields = new LinkedHashMap<>();
    private Long version;

    public Map<String, String> getCustomFields() {
      return customFields;
    }

    public void setCustomFields(Map<String, String> customFields) {
      this.customFields = customFields;
    }

    public Long getVersion() {
      return version;
    }

    public void setVersion(Long version) {
      this.version = version;
    }
  }

  @GetMapping("/leads/{id}/custom-fields")
  String edit(@PathVariable long id, Model model) {
    LeadView lead = leads.get(id);
    CustomFieldsForm form = new CustomFieldsForm();
    form.setVersion(lead.version());
    CustomFieldInputs.fill(form.getCustomFields(), lead.customFields());
    model.addAttribute("form", form);
    return page(lead, form, model);
  }

  @PostMapping("/leads/{id}/custom-fields")
  String save(
      @PathVariable long id,
      @ModelAttribute("form") CustomFieldsForm form,
      BindingResult errors,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    LeadView lead = leads.get(id);
    try {
      leads.update(
          id,
          LeadFieldsController.withCustomFields(
              lead, inputs.values(CustomizableEntity.LEAD, form.getCustomFields())),
          form.getVersion());
      Flash.success(redirect, "lead.customFields.saved");
      return "redirect:/leads/" + id;
    } catch (PreconditionFailedException | OptimisticLockingFailureException stale) {
      errors.reject("stale", stale.getMessage());
      response.setStatus(409);
    } catch (ConflictException refused) {
      errors.reject("refused", refused.getMessage());
      response.setStatus(409);
    } catch (RuntimeException refused) {
      String view = page(lead, form, model);
      if (!ServiceErrors.bind(refused, errors, inputs.errorFields(CustomizableEntity.LEAD))) {
        throw refused;
      }
      response.setStatus(422);
      return view;
    }
    return page(lead, form, model);
  }

  private String page(LeadView lead, CustomFieldsForm form, Model model) {
    model.addAttribute("lead", lead);
    inputs.addTo(model, CustomizableEntity.LEAD, form.getCustomFields());
    return VIEW;
  }
}
