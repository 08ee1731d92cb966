package org.flowcrm.crm.demo;

/** What one run of {@link DemoDataSeeder} created. */
public record DemoSummary(
    int users,
    int departments,
    int products,
    int companies,
    int contacts,
    int leads,
    int deals,
    int activities,
    int tasks) {

  static final DemoSummary NOTHING = new DemoSummary(0, 0, 0, 0, 0, 0, 0, 0, 0);
}
