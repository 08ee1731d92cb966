package org.flowcrm.crm.deal;

/** What kind of business a deal is. */
public enum DealType {
  SALE,
  GOODS,
  SERVICES,
  AFTER_SALES,
  OTHER
}
