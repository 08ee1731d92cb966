package org.flowcrm.crm.importing;

import java.util.List;
import org.flowcrm.crm.product.ProductCommand;
import org.flowcrm.crm.product.ProductService;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Catalog products: name and price are required; always created (no duplicate check). */
@Component
class ProductImporter extends EntityImporter<ProductCommand> {

  private final ProductService products;

  ProductImporter(JsonMapper json, ProductService products) {
    super(json);
    this.products = products;
  }

  @Override
  ImportEntityType type() {
    return ImportEntityType.PRODUCT;
  }

  @Override
  List<ImportField> fields() {
    return List.of(
        ImportField.required("name"),
        ImportField.text("sku"),
        ImportField.text("description"),
        new ImportField("price", FieldKind.NUMBER, true),
        ImportField.text("currency"),
        ImportField.text("unit"),
        ImportField.of("vatRate", FieldKind.NUMBER));
  }

  @Override
  Class<ProductCommand> commandType() {
    return ProductCommand.class;
  }

  @Override
  ProductCommand command(Row row, ImportContext context) {
    return new ProductCommand(
        row.text("name"),
        row.text("sku"),
        row.text("description"),
        true,
        row.number("price"),
        row.text("currency"),
        row.text("unit"),
        row.number("vatRate"),
        null,
        row.customFields());
  }

  @Override
  long create(ProductCommand command) {
    return products.create(command).id();
  }

  @Override
  void delete(long id) {
    products.delete(id, null);
  }
}
