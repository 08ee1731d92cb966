package org.flowcrm.ui.admin;

import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.util.Map;
import org.flowcrm.crm.currency.CurrencyCommand;
import org.flowcrm.crm.currency.CurrencyService;
import org.flowcrm.crm.currency.CurrencyView;
import org.flowcrm.ui.layout.Flash;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Currencies: {@code /admin/currencies} shows the base currency and every currency with its rate,
 * and adds one; {@code /admin/currencies/{code}} changes name, rate and order, shows the rate
 * history, and makes the currency the base (the service re-expresses every other rate).
 */
@Controller
class CurrencyAdminController {

  static final String LIST_VIEW = "admin/currencies";
  static final String EDIT_VIEW = "admin/currency-edit";

  private final CurrencyService currencies;

  CurrencyAdminController(CurrencyService currencies) {
    this.currencies = currencies;
  }

  @GetMapping("/admin/currencies")
  String list(Model model) {
    model.addAttribute("currency", new CurrencyForm());
    return listPage(model);
  }

  @PostMapping("/admin/currencies")
  String create(
      @Valid @ModelAttribute("currency") CurrencyForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    if (form.getCode() == null || !form.getCode().matches("[A-Z]{3}")) {
      errors.rejectValue("code", "admin.currencies.code.invalid");
    }
    BigDecimal rate = checkedRate(form, errors);
    if (errors.hasErrors()) {
      return listPage(model);
    }
    try {
      currencies.create(
          new CurrencyCommand(form.getCode(), form.getName().trim(), rate, form.getSortOrder()));
    } catch (RuntimeException refused) {
      AdminErrors.bind(refused, errors, Map.of());
      return listPage(model);
    }
    Flash.success(redirect, "admin.currencies.created", form.getCode());
    return "redirect:/admin/currencies";
  }

  @GetMapping("/admin/currencies/{code}")
  String edit(@PathVariable String code, Model model) {
    CurrencyView currency = currencies.get(code);
    model.addAttribute("currency", CurrencyForm.of(currency));
    return editPage(currency, model);
  }

  @PostMapping("/admin/currencies/{code}")
  String update(
      @PathVariable String code,
      @Valid @ModelAttribute("currency") CurrencyForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    CurrencyView currency = currencies.get(code);
    BigDecimal rate = checkedRate(form, errors);
    if (!errors.hasErrors()) {
      try {
        currencies.update(
            code,
            new CurrencyCommand(code, form.getName().trim(), rate, form.getSortOrder()),
            form.getVersion());
        Flash.success(redirect, "admin.currencies.saved", code);
        return "redirect:/admin/currencies";
      } catch (RuntimeException refused) {
        AdminErrors.bind(refused, errors, Map.of());
      }
    }
    return editPage(currency, model);
  }

  @PostMapping("/admin/currencies/{code}/base")
  String makeBase(@PathVariable String code, RedirectAttributes redirect) {
    currencies.makeBase(code);
    Flash.success(redirect, "admin.currencies.baseChanged", code);
    return "redirect:/admin/currencies";
  }

  /** A positive number, or an error at the rate field in the page's language. */
  private static BigDecimal checkedRate(CurrencyForm form, BindingResult errors) {
    if (errors.hasFieldErrors("rate")) {
      return null;
    }
    BigDecimal rate = form.rateValue();
    if (rate == null || rate.signum() <= 0) {
      errors.rejectValue("rate", "admin.currencies.rate.invalid");
      return null;
    }
    return rate;
  }

  private String listPage(Model model) {
    model.addAttribute("currencies", currencies.list());
    model.addAttribute("baseCode", currencies.baseCode());
    return LIST_VIEW;
  }

  private String editPage(CurrencyView currency, Model model) {
    model.addAttribute("edited", currency);
    model.addAttribute("history", currencies.history(currency.code()));
    model.addAttribute("baseCode", currencies.baseCode());
    return EDIT_VIEW;
  }
}
