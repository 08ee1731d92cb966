package org.flowcrm.crm.reportdesigner;

/** How pages draw a designed report above (or instead of) its table. */
public enum ChartType {
  BAR,
  LINE,
  PIE,
  TABLE
}
