package org.flowcrm.ui.signin;

import org.flowcrm.crm.security.CrmUserPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is signed in, for pages that show "my" records. */
public final class SignedInUser {

  private SignedInUser() {}

  /** The signed-in user's id; pages behind sign-in always have one. */
  public static long id() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null
        && authentication.getPrincipal() instanceof CrmUserPrincipal principal) {
      return principal.id();
    }
    throw new IllegalStateException("No CRM user is signed in");
  }
}
