package org.flowcrm.crm.reportdesigner;

/** What a grouped column computes; sum and avg only over numeric fields. */
public enum Aggregate {
  COUNT,
  SUM,
  AVG,
  MIN,
  MAX
}
