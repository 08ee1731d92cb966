package org.flowcrm.crm.permission;

/**
 * Which records an allowed action reaches, from narrowest to widest; a user with several roles gets
 * the widest scope any of them grants.
 */
public enum Scope {
  NONE,
  /** Records the user is responsible for. */
  OWN,
  /** Records whose responsible is in one of the user's departments (or the user himself). */
  DEPARTMENT,
  /** As DEPARTMENT, plus every department below those, to any depth. */
  DEPARTMENT_AND_SUBS,
  ALL;

  public Scope widest(Scope other) {
    return other.ordinal() > ordinal() ? other : this;
  }
}
