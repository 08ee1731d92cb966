package org.flowcrm.crm.invoice;

/** How an invoice is to be paid. */
public enum PaymentMethod {
  BANK_TRANSFER,
  CARD,
  CASH,
  OTHER
}
