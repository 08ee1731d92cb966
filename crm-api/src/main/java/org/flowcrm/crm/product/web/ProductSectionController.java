package org.flowcrm.crm.product.web;

import jakarta.validation.Valid;
import java.util.List;
import org.flowcrm.crm.product.ProductService;
import org.flowcrm.crm.product.SectionCommand;
import org.flowcrm.crm.product.SectionView;
import org.flowcrm.crm.shared.ETags;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/product-sections")
class ProductSectionController {

  private final ProductService products;

  ProductSectionController(ProductService products) {
    this.products = products;
  }

  /** The section tree. */
  @GetMapping
  List<SectionView> tree() {
    return products.sectionTree();
  }

  @PostMapping
  ResponseEntity<SectionView> create(@Valid @RequestBody SectionCommand command) {
    SectionView section = products.createSection(command);
    return ResponseEntity.status(201).eTag(ETags.of(section.version())).body(section);
  }

  @PutMapping("/{id}")
  ResponseEntity<SectionView> update(
      @PathVariable long id,
      @RequestHeader(name = "If-Match", required = false) String ifMatch,
      @Valid @RequestBody SectionCommand command) {
    SectionView section = products.updateSection(id, command, ETags.expectedVersion(ifMatch, true));
    return ResponseEntity.ok().eTag(ETags.of(section.version())).body(section);
  }

  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(@PathVariable long id) {
    products.deleteSection(id);
    return ResponseEntity.noContent().build();
  }
}
