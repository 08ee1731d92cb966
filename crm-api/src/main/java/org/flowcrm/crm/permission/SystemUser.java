package org.flowcrm.crm.permission;

import java.util.List;
import java.util.function.Supplier;
import org.flowcrm.crm.security.CrmUserPrincipal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The user {@code system} (role PROCESS: every action on every record) that job workers, schedulers
 * and start-up seeding act as. It has no password and sign-in refuses the PROCESS role, so nobody
 * can sign in as it. Wrap background work:
 *
 * <pre>{@code
 * systemUser.runAs(() -> deals.moveToStage(dealId, "WON"));
 * }</pre>
 *
 * The previous security context of the thread is restored afterwards, so a pooled worker thread
 * never keeps the system user's rights.
 */
@Component
public class SystemUser {

  public static final String LOGIN = "system";
  public static final String ROLE = "PROCESS";

  private final JdbcClient jdbc;
  private volatile CrmUserPrincipal principal;

  SystemUser(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Runs {@code work} as the system user and returns its result. */
  public <T> T runAs(Supplier<T> work) {
    SecurityContext previous = SecurityContextHolder.getContext();
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    CrmUserPrincipal system = principal();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(system, null, system.getAuthorities()));
    SecurityContextHolder.setContext(context);
    try {
      return work.get();
    } finally {
      SecurityContextHolder.setContext(previous);
    }
  }

  /** Runs {@code work} as the system user. */
  public void runAs(Runnable work) {
    runAs(
        () -> {
          work.run();
          return null;
        });
  }

  /** The system user's id, e.g. to record it as the author of a change. */
  public long id() {
    return principal().id();
  }

  private CrmUserPrincipal principal() {
    CrmUserPrincipal known = principal;
    if (known == null) {
      long id =
          jdbc.sql("SELECT id FROM crm_user WHERE login = :login")
              .param("login", LOGIN)
              .query(Long.class)
              .single();
      known = new CrmUserPrincipal(id, LOGIN, null, true, false, List.of(ROLE));
      principal = known;
    }
    return known;
  }
}
