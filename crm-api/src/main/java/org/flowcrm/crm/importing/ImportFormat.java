package org.flowcrm.crm.importing;

/** The kind of file being imported, recognised from its content. */
public enum ImportFormat {
  CSV,
  VCARD
}
