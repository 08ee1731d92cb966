package org.flowcrm.crm.importing;

/** What to do with a row whose e-mail or phone already belongs to a record. */
public enum DuplicateMode {
  /** Leave the existing record alone and count the row as skipped. */
  SKIP,
  /** Fill the existing record with the row's non-empty values. */
  UPDATE,
  /** Create a new record anyway (no duplicate check: the fastest). */
  CREATE
}
