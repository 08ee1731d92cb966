package org.flowcrm.ui.product;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flowcrm.crm.currency.CurrencyService;
import org.flowcrm.crm.currency.CurrencyView;
import org.flowcrm.crm.product.ProductCommand;
import org.flowcrm.crm.product.ProductFilter;
import org.flowcrm.crm.product.ProductService;
import org.flowcrm.crm.product.ProductView;
import org.flowcrm.crm.product.SectionCommand;
import org.flowcrm.crm.product.SectionView;
import org.flowcrm.crm.shared.BadParameterException;
import org.flowcrm.crm.shared.CursorPage;
import org.flowcrm.crm.shared.InvalidFieldException;
import org.flowcrm.crm.shared.ListRequest;
import org.flowcrm.crm.shared.PreconditionFailedException;
import org.flowcrm.ui.layout.Flash;
import org.flowcrm.ui.layout.ServiceErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The product catalog: {@code /products} (the section tree as a filter, search by first letters,
 * active/inactive, keyset "next page"), a small form for a new section, and {@code /products/new},
 * {@code /products/{id}} to create and edit a product. The service checks permissions and values;
 * its refusals stand at the field they name.
 */
@Controller
class ProductPagesController {

  static final String LIST_VIEW = "product/list";
  static final String FORM_VIEW = "product/form";
  static final int PAGE_SIZE = 25;

  private final ProductService products;
  private final CurrencyService currencies;

  ProductPagesController(ProductService products, CurrencyService currencies) {
    this.products = products;
    this.currencies = currencies;
  }

  /** A section in the flattened tree: its depth for indenting and its path for display. */
  public record SectionEntry(long id, String name, String path, int depth) {}

  @GetMapping("/products")
  String list(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Long section,
      @RequestParam(required = false) String active,
      @RequestParam(required = false) String after,
      Model model) {
    String query = q == null ? "" : q.strip();
    Boolean activeOnly =
        "true".equals(active) ? Boolean.TRUE : "false".equals(active) ? Boolean.FALSE : null;
    ProductFilter filter =
        new ProductFilter(query.isEmpty() ? null : query, section, true, activeOnly, null);
    CursorPage<ProductView> page;
    try {
      page =
          products.list(
              filter,
              new ListRequest("name", PAGE_SIZE, after == null || after.isBlank() ? null : after));
    } catch (BadParameterException stale) {
      // A cursor that no longer fits (an edited URL): start from the first page.
      page = products.list(filter, new ListRequest("name", PAGE_SIZE, null));
    }
    List<SectionEntry> sections = flatten(products.sectionTree());
    Map<String, String> paths = new LinkedHashMap<>();
    sections.forEach(s -> paths.put(String.valueOf(s.id()), s.path()));
    model.addAttribute("products", page.items());
    model.addAttribute("tree", products.sectionTree());
    model.addAttribute("sections", sections);
    model.addAttribute("sectionPaths", paths);
    model.addAttribute("q", query);
    model.addAttribute("section", section);
    model.addAttribute("active", activeOnly == null ? "" : activeOnly.toString());
    UriComponentsBuilder base =
        UriComponentsBuilder.fromPath("/products")
            .queryParamIfPresent("q", Optional.of(query).filter(s -> !s.isEmpty()))
            .queryParamIfPresent("section", Optional.ofNullable(section))
            .queryParamIfPresent("active", Optional.ofNullable(activeOnly));
    model.addAttribute(
        "firstHref", after == null || after.isBlank() ? "" : base.build().encode().toUriString());
    model.addAttribute(
        "nextHref",
        page.nextCursor() == null
            ? ""
            : base.cloneBuilder()
                .queryParam("after", page.nextCursor())
                .build()
                .encode()
                .toUriString());
    return LIST_VIEW;
  }

  @PostMapping("/products/sections")
  String createSection(
      @RequestParam(defaultValue = "") String name,
      @RequestParam(required = false) Long parentId,
      RedirectAttributes redirect) {
    if (name.isBlank()) {
      Flash.error(redirect, "product.section.nameRequired");
      return "redirect:/products";
    }
    try {
      SectionView created =
          products.createSection(new SectionCommand(name.strip(), parentId, null));
      Flash.success(redirect, "product.section.created", created.name());
      return "redirect:/products?section=" + created.id();
    } catch (InvalidFieldException | ConstraintViolationException refused) {
      Flash.error(redirect, "product.section.refused", refused.getMessage());
      return "redirect:/products";
    }
  }

  @GetMapping("/products/new")
  String newProduct(@RequestParam(required = false) Long section, Model model) {
    ProductForm form = new ProductForm();
    form.setSectionId(section);
    form.setCurrency(currencies.baseCode());
    model.addAttribute("product", form);
    return form(model, null);
  }

  @PostMapping("/products")
  String create(
      @Valid @ModelAttribute("product") ProductForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    ProductCommand command = form.toCommand(errors, null);
    if (errors.hasErrors()) {
      return form(model, null);
    }
    ProductView created;
    try {
      created = products.create(command);
    } catch (RuntimeException refused) {
      if (ServiceErrors.bind(refused, errors, Map.of())) {
        return form(model, null);
      }
      throw refused;
    }
    Flash.success(redirect, "product.saved", created.name());
    return "redirect:/products/" + created.id();
  }

  @GetMapping("/products/{id}")
  String edit(@PathVariable long id, Model model) {
    model.addAttribute("product", ProductForm.of(products.get(id)));
    return form(model, id);
  }

  @PostMapping("/products/{id}")
  String update(
      @PathVariable long id,
      @Valid @ModelAttribute("product") ProductForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    ProductView current = products.get(id);
    ProductCommand command = form.toCommand(errors, current.sku());
    if (errors.hasErrors()) {
      return form(model, id);
    }
    ProductView saved;
    try {
      saved = products.update(id, command, form.getVersion());
    } catch (PreconditionFailedException stale) {
      errors.reject("stale", stale.getMessage());
      return form(model, id);
    } catch (RuntimeException refused) {
      if (ServiceErrors.bind(refused, errors, Map.of())) {
        return form(model, id);
      }
      throw refused;
    }
    Flash.success(redirect, "product.saved", saved.name());
    return "redirect:/products/" + id;
  }

  private String form(Model model, Long id) {
    model.addAttribute("productId", id);
    Map<String, String> sectionNames = new LinkedHashMap<>();
    for (SectionEntry section : flatten(products.sectionTree())) {
      sectionNames.put(String.valueOf(section.id()), section.path());
    }
    model.addAttribute("sectionNames", sectionNames);
    Map<String, String> currencyNames = new LinkedHashMap<>();
    for (CurrencyView currency : currencies.list()) {
      currencyNames.put(currency.code(), currency.code() + " – " + currency.name());
    }
    model.addAttribute("currencyNames", currencyNames);
    return FORM_VIEW;
  }

  /** The tree depth first, each section with its path ("Hardware / Printers / Laser"). */
  static List<SectionEntry> flatten(List<SectionView> tree) {
    List<SectionEntry> all = new ArrayList<>();
    add(tree, "", 0, all);
    return all;
  }

  private static void add(
      List<SectionView> sections, String path, int depth, List<SectionEntry> all) {
    for (SectionView section : sections) {
      String name = path.isEmpty() ? section.name() : path + " / " + section.name();
      all.add(new SectionEntry(section.id(), section.name(), name, depth));
      add(section.children(), name, depth + 1, all);
    }
  }
}
