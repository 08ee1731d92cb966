package org.flowcrm.crm.importing;

/** Where an import job is: uploaded (being previewed and mapped), running, done, reverted. */
public enum ImportStatus {
  UPLOADED,
  RUNNING,
  DONE,
  FAILED,
  REVERTED
}
