package org.flowcrm.crm.importing;

import java.util.List;
import org.flowcrm.crm.deal.DealCommand;
import org.flowcrm.crm.deal.DealService;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Deals, in the default pipeline's first stage: the title is required, {@code company} links (or
 * creates) a company by name. Creating a deal publishes no event, so no deal process starts.
 */
@Component
class DealImporter extends EntityImporter<DealCommand> {

  private final DealService deals;

  DealImporter(JsonMapper json, DealService deals) {
    super(json);
    this.deals = deals;
  }

  @Override
  ImportEntityType type() {
    return ImportEntityType.DEAL;
  }

  @Override
  List<ImportField> fields() {
    return List.of(
        ImportField.required("title"),
        ImportField.of("amount", FieldKind.NUMBER),
        ImportField.text("currency"),
        ImportField.of("probability", FieldKind.INTEGER),
        ImportField.of("expectedCloseDate", FieldKind.DATE),
        ImportField.text("company"));
  }

  @Override
  Class<DealCommand> commandType() {
    return DealCommand.class;
  }

  @Override
  DealCommand command(Row row, ImportContext context) {
    Long companyId = row.has("company") ? context.companyNamed(row.text("company")) : null;
    return new DealCommand(
        row.text("title"),
        null,
        null,
        row.number("amount"),
        row.text("currency"),
        row.integer("probability"),
        row.date("expectedCloseDate"),
        null,
        null,
        null,
        companyId,
        null,
        null,
        row.customFields());
  }

  @Override
  long create(DealCommand command) {
    return deals.createImported(command).id();
  }

  @Override
  void delete(long id) {
    deals.delete(id, null);
  }
}
