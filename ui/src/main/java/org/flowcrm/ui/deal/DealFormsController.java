package org.flowcrm.ui.deal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flowcrm.crm.currency.CurrencyService;
import org.flowcrm.crm.customfield.CustomizableEntity;
import org.flowcrm.crm.deal.DealService;
import org.flowcrm.crm.deal.DealType;
import org.flowcrm.crm.deal.DealView;
import org.flowcrm.crm.deal.PipelineService;
import org.flowcrm.crm.deal.PipelineView;
import org.flowcrm.ui.record.CustomFieldInputs;
import org.flowcrm.ui.record.FormChoices;
import org.flowcrm.ui.record.RecordForms;
import org.flowcrm.ui.signin.SignedInUser;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "New deal" ({@code /deals/new}: pipeline and starting stage, and every other field with the
 * deal's custom fields) and the deal's edit page ({@code /deals/{id}/edit}, where the card's fields
 * lead without script). An edit keeps the stage and the product rows: the stage moves through the
 * process ({@code POST /deals/{id}/stage}), the rows on the card. The service checks everything in
 * one transaction; its refusals stand at their fields, a stale version is refused as a whole
 * ({@link RecordForms}' flow). The form also holds the client's delivery wishes.
 */
@Controller
class DealFormsController {

  static final String FORM_VIEW = "deal/form";

  // the service names the delivery window as one text; the form has it as from and to
  private static final RecordForms.Page<DealView> PAGE =
      new RecordForms.Page<>(
          CustomizableEntity.DEAL,
          "deals",
          "deal",
          DealView::id,
          DealView::title,
          Map.of("delivery.timeWindow", "delivery.from"));

  private final DealService deals;
  private final PipelineService pipelines;
  private final CurrencyService currencies;
  private final CustomFieldInputs customFieldInputs;
  private final FormChoices choices;
  private final MessageSource messages;
  private final RecordForms forms;

  DealFormsController(
      DealService deals,
      PipelineService pipelines,
      CurrencyService currencies,
      CustomFieldInputs customFieldInputs,
      FormChoices choices,
      MessageSource messages,
      RecordForms forms) {
    this.deals = deals;
    this.pipelines = pipelines;
    this.currencies = currencies;
    this.customFieldInputs = customFieldInputs;
    this.choices = choices;
    this.messages = messages;
    this.forms = forms;
  }

  @GetMapping("/deals/new")
  String newDeal(@RequestParam(required = false) Long pipeline, Model model) {
    PipelineView shown = pipeline == null ? pipelines.defaultPipeline() : pipelines.get(pipeline);
    DealForm form = DealForm.blank(SignedInUser.id(), shown.id(), currencies.baseCode());
    form.setStageId(shown.stages().isEmpty() ? null : shown.stages().get(0).id());
    model.addAttribute("deal", form);
    return form(model, form, null);
  }

  @PostMapping("/deals/new")
  String create(
      @ModelAttribute("deal") DealForm form,
      BindingResult errors,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    return forms
        .on(PAGE, errors, response, redirect)
        .create(
            form,
            () -> form(model, form, null),
            values -> deals.create(form.toNewCommand(values, this::text)));
  }

  @GetMapping("/deals/{id}/edit")
  String edit(@PathVariable long id, Model model) {
    DealView deal = deals.get(id);
    DealForm form = DealForm.of(deal);
    model.addAttribute("deal", form);
    return form(model, form, deal);
  }

  @PostMapping("/deals/{id}/edit")
  String update(
      @PathVariable long id,
      @ModelAttribute("deal") DealForm form,
      BindingResult errors,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    DealView current = deals.get(id);
    form.setPipelineId(current.pipelineId());
    form.setStageId(current.stageId());
    return forms
        .on(PAGE, errors, response, redirect)
        .update(
            form,
            () -> form(model, form, current),
            values ->
                deals.update(
                    id, form.toUpdateCommand(current, values, this::text), form.getVersion()));
  }

  private String form(Model model, DealForm form, DealView existing) {
    customFieldInputs.addTo(model, CustomizableEntity.DEAL, form.getCustomFields());
    model.addAttribute("existing", existing);
    List<PipelineView> all = pipelines.list();
    Map<String, String> pipelineChoices = new LinkedHashMap<>();
    all.forEach(p -> pipelineChoices.put(Long.toString(p.id()), p.name()));
    model.addAttribute("pipelines", all);
    model.addAttribute("pipelineChoices", pipelineChoices);
    model.addAttribute("users", choices.users());
    model.addAttribute("companies", choices.companies(nonNull(form.getCompanyId())));
    model.addAttribute("contacts", choices.contacts(form.getContactIds()));
    Map<String, String> types = new LinkedHashMap<>();
    for (DealType type : DealType.values()) {
      types.put(type.name(), "deal.type." + type.name());
    }
    model.addAttribute("types", types);
    Map<String, String> currencyChoices = new LinkedHashMap<>();
    currencies.list().forEach(c -> currencyChoices.put(c.code(), c.code()));
    model.addAttribute("currencies", currencyChoices);
    return FORM_VIEW;
  }

  private static List<Long> nonNull(Long id) {
    List<Long> ids = new ArrayList<>();
    if (id != null) {
      ids.add(id);
    }
    return ids;
  }

  private String text(String key) {
    return messages.getMessage(key, null, LocaleContextHolder.getLocale());
  }
}
