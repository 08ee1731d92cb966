package org.flowcrm.ui.product;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.flowcrm.crm.currency.CurrencyService;
import org.flowcrm.crm.currency.CurrencyView;
import org.flowcrm.crm.product.ProductCommand;
import org.flowcrm.crm.product.ProductFilter;
import org.flowcrm.crm.product.ProductService;
import org.flowcrm.crm.product.ProductView;
import org.flowcrm.crm.product.SectionCommand;
import org.flowcrm.crm.product.SectionView;
import org.flowcrm.crm.shared.BadParameterException;
import org.flowcrm.crm.shared.ConflictException;
import org.flowcrm.crm.shared.CursorPage;
import org.flowcrm.crm.shared.ForbiddenException;
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
 * active/inactive, keyset "next page"), small forms for a new section and to rename, move or delete
 * the chosen one, and {@code /products/new}, {@code /products/{id}} to create, edit and delete a
 * product. The service checks permissions and values; its refusals stand at the field they name.
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
    List<SectionView> tree = products.sectionTree();
    List<SectionEntry> sections = flatten(tree);
    Map<String, String> paths = new LinkedHashMap<>();
    sections.forEach(s -> paths.put(String.valueOf(s.id()), s.path()));
    model.addAttribute("products", page.items());
    model.addAttribute("tree", tree);
    if (section != null) {
      // The chosen section's edit form: it may move anywhere but into itself or below itself.
      find(tree, section)
          .ifPresent(
              edited -> {
                Set<Long> below = new HashSet<>();
                collect(edited, below);
                model.addAttribute("editedSection", edited);
                model.addAttribute(
                    "parentChoices",
                    sections.stream().filter(s -> !below.contains(s.id())).toList());
              });
    }
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

  /** Renames a section or moves it under another one (no parent: to the top level). */
  @PostMapping("/products/sections/{id}")
  String updateSection(
      @PathVariable long id,
      @RequestParam(defaultValue = "") String name,
      @RequestParam(required = false) Long parentId,
      @RequestParam(required = false) Long version,
      RedirectAttributes redirect) {
    if (name.isBlank()) {
      Flash.error(redirect, "product.section.nameRequired");
      return "redirect:/products?section=" + id;
    }
    try {
      SectionView saved =
          products.updateSection(id, new SectionCommand(name.strip(), parentId, null), version);
      Flash.success(redirect, "product.section.saved", saved.name());
    } catch (InvalidFieldException
        | ConstraintViolationException
        | PreconditionFailedException refused) {
      Flash.error(redirect, "product.section.notSaved", refused.getMessage());
    }
    return "redirect:/products?section=" + id;
  }

  /** Deletes an empty section; the service's refusal (sub-sections or products in it) is shown. */
  @PostMapping("/products/sections/{id}/delete")
  String deleteSection(@PathVariable long id, RedirectAttributes redirect) {
    String name = find(products.sectionTree(), id).map(SectionView::name).orElse("");
    try {
      products.deleteSection(id);
    } catch (ConflictException refused) {
      Flash.error(redirect, "product.section.delete.refused", refused.getMessage());
      return "redirect:/products?section=" + id;
    }
    Flash.success(redirect, "product.section.deleted", name);
    return "redirect:/products";
  }

  /**
   * Deletes a product from its card. Rows of deals, quotes and invoices keep their copied name and
   * price (the database unlinks them); a refusal (changed meanwhile, or not allowed) returns to the
   * card with the reason instead of an error page.
   */
  @PostMapping("/products/{id}/delete")
  String delete(
      @PathVariable long id,
      @RequestParam(required = false) Long version,
      RedirectAttributes redirect) {
    ProductView product = products.get(id);
    try {
      products.delete(id, version);
    } catch (PreconditionFailedException | ConflictException | ForbiddenException refused) {
      Flash.error(redirect, "product.delete.refused", refused.getMessage());
      return "redirect:/products/" + id;
    }
    Flash.success(redirect, "product.deleted", product.name());
    return "redirect:/products";
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

  private static Optional<SectionView> find(List<SectionView> sections, long id) {
    for (SectionView section : sections) {
      if (section.id() == id) {
        return Optional.of(section);
      }
      Optional<SectionView> below = find(section.children(), id);
      if (below.isPresent()) {
        return below;
      }
    }
    return Optional.empty();
  }

  private static void collect(SectionView section, Set<Long> ids) {
    ids.add(section.id());
    section.children().forEach(child -> collect(child, ids));
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
