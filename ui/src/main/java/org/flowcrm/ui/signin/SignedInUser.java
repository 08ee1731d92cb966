package org.flowcrm.ui.signin;

import java.util.List;
import java.util.Locale;
import org.flowcrm.crm.security.CrmUserPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is signed in, for pages that show "my" records. */
public final class SignedInUser {

  /** crm-api's role code of administrators. */
  public static final String ADMINISTRATOR_ROLE = "ADMINISTRATOR";

  private SignedInUser() {}

  /** The signed-in user's id; pages behind sign-in always have one. */
  public static long id() {
    return principal().id();
  }

  /** Whether the signed-in user holds the administrator role (the Administration menu). */
  public static boolean administrator() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication != null
        && authentication.getPrincipal() instanceof CrmUserPrincipal principal
        && principal.roles().contains(ADMINISTRATOR_ROLE);
  }

  /** The login: a process user task's assignee names the user by it. */
  public static String login() {
    return principal().login();
  }

  /**
   * The candidate groups of process user tasks the user may claim: his role codes, lower-cased
   * ({@code COURIERS} → {@code couriers}), as models name groups in {@code candidateGroups}.
   */
  public static List<String> groups() {
    return principal().roles().stream().map(r -> r.toLowerCase(Locale.ROOT)).toList();
  }

  /** The signed-in user as crm-api's services take him (password changes name their caller). */
  public static CrmUserPrincipal principal() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null
        && authentication.getPrincipal() instanceof CrmUserPrincipal principal) {
      return principal;
    }
    throw new IllegalStateException("No CRM user is signed in");
  }
}
