package org.flowcrm.crm.reportdesigner;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flowcrm.crm.report.StandardReport;
import org.flowcrm.crm.reportdesigner.ReportDefinition.Column;
import org.flowcrm.crm.reportdesigner.ReportDefinition.Filter;
import org.flowcrm.crm.reportdesigner.ReportDefinition.Grouping;
import org.flowcrm.crm.reportdesigner.ReportDefinition.Sort;

/**
 * The standard reports that one definition can express, as definitions to start from. They leave
 * out the period (a standard report's period is a run parameter; a designed one filters on the date
 * it wants). Per contact (a deal has several), overdue (relative to today) and income shares are
 * not expressible and have no copy.
 */
final class StandardCopies {

  private static final Filter WON = new Filter("stageSemantic", "EQ", List.of("WON"));
  private static final Filter OPEN = new Filter("closed", "EQ", List.of("false"));

  private static final Map<StandardReport, ReportDefinition> COPIES =
      Map.of(
          StandardReport.MANAGERS,
          grouped(
              "Managers' deal volume",
              "deals",
              List.of(),
              "responsible",
              List.of(count(), sum("amountBase"))),
          StandardReport.COMPANIES,
          grouped(
              "Deal volume by company",
              "deals",
              List.of(),
              "companyName",
              List.of(count(), sum("amountBase"))),
          StandardReport.COMPANY_PROFITABILITY,
          grouped(
              "Company profitability",
              "deals",
              List.of(WON),
              "companyName",
              List.of(count(), sum("amountBase"), new Column("amountBase", "AVG"))),
          StandardReport.WON_DEALS,
          new ReportDefinition(
              "Won deals",
              "deals",
              List.of(
                  new Column("title", null),
                  new Column("closedAt", null),
                  new Column("responsible", null),
                  new Column("companyName", null),
                  new Column("amountBase", null)),
              List.of(WON),
              List.of(),
              List.of(new Sort("closedAt", "DESC")),
              "TABLE",
              null,
              List.of()),
          StandardReport.EXPECTED_SALES,
          grouped(
              "Expected sales",
              "deals",
              List.of(OPEN),
              "responsible",
              List.of(count(), sum("amountBase"))),
          StandardReport.OPEN_DEALS_BY_STAGE,
          new ReportDefinition(
              "Open deals by stage",
              "deals",
              List.of(count(), sum("amountBase")),
              List.of(OPEN),
              List.of(new Grouping("pipeline", null), new Grouping("stage", null)),
              List.of(),
              "BAR",
              "sum.amountBase",
              List.of()),
          StandardReport.PRODUCT_INCOME,
          new ReportDefinition(
              "Product income",
              "deal-product-rows",
              List.of(count(), sum("quantity"), sum("totalBase")),
              List.of(WON),
              List.of(new Grouping("productName", null)),
              List.of(new Sort("sum.totalBase", "DESC")),
              "BAR",
              "sum.totalBase",
              List.of()));

  private StandardCopies() {}

  static Optional<ReportDefinition> of(String code) {
    return StandardReport.byCode(code).map(COPIES::get);
  }

  /**
   * Overdue deals as a definition: open deals due from {@code from} to {@code last} (the day before
   * the copy was made at the latest, since "overdue" moves with the calendar), per manager.
   */
  static ReportDefinition overdue(java.time.LocalDate from, java.time.LocalDate last) {
    return new ReportDefinition(
        "Overdue deals",
        "deals",
        List.of(count(), sum("amountBase"), new Column("expectedCloseDate", "MIN")),
        List.of(
            OPEN,
            new Filter("expectedCloseDate", "BETWEEN", List.of(from.toString(), last.toString()))),
        List.of(new Grouping("responsible", null)),
        List.of(new Sort("count", "DESC")),
        "BAR",
        "sum.amountBase",
        List.of());
  }

  static boolean known(String code) {
    return StandardReport.byCode(code).isPresent();
  }

  private static ReportDefinition grouped(
      String name, String entity, List<Filter> filters, String group, List<Column> columns) {
    String value =
        columns.size() > 1
            ? columns.get(1).aggregate().toLowerCase(java.util.Locale.ROOT)
                + "."
                + columns.get(1).field()
            : "count";
    return new ReportDefinition(
        name,
        entity,
        columns,
        filters,
        List.of(new Grouping(group, null)),
        List.of(new Sort(value, "DESC")),
        "BAR",
        value,
        List.of());
  }

  private static Column count() {
    return new Column(null, "COUNT");
  }

  private static Column sum(String field) {
    return new Column(field, "SUM");
  }
}
