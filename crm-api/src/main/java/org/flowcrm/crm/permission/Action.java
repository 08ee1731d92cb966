package org.flowcrm.crm.permission;

/** What a caller wants to do with records of an {@link EntityType}. */
public enum Action {
  READ,
  CREATE,
  UPDATE,
  DELETE,
  EXPORT,
  IMPORT
}
