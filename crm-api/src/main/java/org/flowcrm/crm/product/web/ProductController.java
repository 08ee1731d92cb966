package org.flowcrm.crm.product.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.function.Function;
import org.flowcrm.crm.product.ProductCommand;
import org.flowcrm.crm.product.ProductFilter;
import org.flowcrm.crm.product.ProductService;
import org.flowcrm.crm.product.ProductView;
import org.flowcrm.crm.shared.Csv;
import org.flowcrm.crm.shared.CursorPage;
import org.flowcrm.crm.shared.ETags;
import org.flowcrm.crm.shared.ListRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/products")
class ProductController {

  private static final List<String> CSV_HEADER =
      List.of("id", "name", "sku", "active", "price", "currency", "unit", "vatRate", "sectionId");
  private static final List<Function<ProductView, Object>> CSV_COLUMNS =
      List.of(
          ProductView::id,
          ProductView::name,
          ProductView::sku,
          ProductView::active,
          ProductView::price,
          ProductView::currency,
          ProductView::unit,
          ProductView::vatRate,
          ProductView::sectionId);

  private final ProductService products;

  ProductController(ProductService products) {
    this.products = products;
  }

  @GetMapping
  CursorPage<ProductView> list(
      @ModelAttribute ProductFilter filter, @ModelAttribute ListRequest page) {
    return products.list(filter, page);
  }

  /** Quick search for pickers: active products whose name starts with {@code q}. */
  @GetMapping("/suggestions")
  List<ProductView> suggest(@RequestParam String q, @RequestParam(defaultValue = "10") int limit) {
    return products.suggest(q, limit);
  }

  @GetMapping(produces = "text/csv")
  void csv(
      @ModelAttribute ProductFilter filter,
      @RequestParam(required = false) String sort,
      HttpServletResponse response)
      throws IOException {
    export(filter, sort, response);
  }

  @GetMapping("/export")
  void export(
      @ModelAttribute ProductFilter filter,
      @RequestParam(required = false) String sort,
      HttpServletResponse response)
      throws IOException {
    // Checked before the first byte: a refusal must be a problem detail, not a broken CSV.
    products.requireExport();
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"products.csv\"");
    try (Csv<ProductView> csv = Csv.open(response.getOutputStream(), CSV_HEADER, CSV_COLUMNS)) {
      products.export(filter, sort, csv::write);
    }
  }

  @GetMapping("/{id}")
  ResponseEntity<ProductView> get(@PathVariable long id) {
    return withETag(products.get(id));
  }

  @PostMapping
  ResponseEntity<ProductView> create(@Valid @RequestBody ProductCommand command) {
    ProductView product = products.create(command);
    return ResponseEntity.created(URI.create("/api/v1/products/" + product.id()))
        .eTag(ETags.of(product.version()))
        .body(product);
  }

  @PutMapping("/{id}")
  ResponseEntity<ProductView> update(
      @PathVariable long id,
      @RequestHeader(name = "If-Match", required = false) String ifMatch,
      @Valid @RequestBody ProductCommand command) {
    return withETag(products.update(id, command, ETags.expectedVersion(ifMatch, true)));
  }

  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(
      @PathVariable long id, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
    products.delete(id, ETags.expectedVersion(ifMatch, false));
    return ResponseEntity.noContent().build();
  }

  private static ResponseEntity<ProductView> withETag(ProductView product) {
    return ResponseEntity.ok().eTag(ETags.of(product.version())).body(product);
  }
}
