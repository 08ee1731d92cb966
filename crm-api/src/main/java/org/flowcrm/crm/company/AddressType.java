package org.flowcrm.crm.company;

/** What an address of a company is for. */
public enum AddressType {
  LEGAL,
  ACTUAL,
  DELIVERY,
  BILLING
}
