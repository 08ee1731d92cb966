package org.flowcrm.crm.security;

import java.util.Optional;
import org.flowcrm.crm.shared.CurrentUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The signed-in user of the current request; empty when the system acts (a process, a job). */
@Component
class SecurityContextCurrentUser implements CurrentUser {

  @Override
  public Optional<Long> id() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null && authentication.getPrincipal() instanceof CrmUserPrincipal user) {
      return Optional.of(user.id());
    }
    return Optional.empty();
  }
}
