package org.flowcrm.crm.shared;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Looks up the {@link CurrentUser} when one is configured. */
@Component
public class Caller {

  private final ObjectProvider<CurrentUser> currentUser;

  Caller(ObjectProvider<CurrentUser> currentUser) {
    this.currentUser = currentUser;
  }

  /** The calling user's id, or {@code null} when the system acts. */
  public Long userId() {
    CurrentUser user = currentUser.getIfAvailable();
    return user == null ? null : user.id().orElse(null);
  }
}
