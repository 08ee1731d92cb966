package org.flowcrm.crm.shared;

import java.util.Optional;

/**
 * Who is calling. Authentication comes later (its own issue): it will contribute a bean of this
 * type; until then there is none and changes are recorded without an author.
 */
@FunctionalInterface
public interface CurrentUser {

  /** The id of the calling {@code crm_user}, empty for the system (a process, an import). */
  Optional<Long> id();
}
