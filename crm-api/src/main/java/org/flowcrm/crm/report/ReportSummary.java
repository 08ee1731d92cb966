package org.flowcrm.crm.report;

/** An entry of the list of reports: its code, title message key and which date it uses. */
public record ReportSummary(String code, String titleKey, DateBasis dateBasis) {}
