package org.flowcrm.crm.mail;

/**
 * What a mail's {@code documentId} names: a quote (its rows go into the model) or an invoice (also
 * attached as PDF).
 */
public enum MailDocument {
  QUOTE,
  INVOICE
}
