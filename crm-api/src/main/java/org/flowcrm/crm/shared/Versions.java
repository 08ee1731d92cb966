package org.flowcrm.crm.shared;

/**
 * Optimistic locking at the service boundary: a caller that read version {@code n} may only change
 * the record while it is still at version {@code n}. The JPA {@code @Version} column catches races
 * between the check and the commit.
 */
public final class Versions {

  private Versions() {}

  /**
   * Refuses the change when {@code expected} is given and differs from {@code actual}; a {@code
   * null} expected version means the caller does not care (a process worker, say).
   */
  public static void check(String what, Object id, long actual, Long expected) {
    if (expected != null && expected != actual) {
      throw new PreconditionFailedException(
          what
              + " "
              + id
              + " was changed by someone else (version "
              + actual
              + ", you edited version "
              + expected
              + "); reload it and apply your change again");
    }
  }
}
