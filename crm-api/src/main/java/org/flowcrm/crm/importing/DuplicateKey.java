package org.flowcrm.crm.importing;

/** What makes two records the same person or company. */
public enum DuplicateKey {
  EMAIL,
  PHONE
}
