package org.flowcrm.crm.shared;

/** A record referenced by others that people know by its name (a stage, a status, a section). */
public interface Named {

  String getName();
}
