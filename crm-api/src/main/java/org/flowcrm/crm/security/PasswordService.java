package org.flowcrm.crm.security;

import java.util.List;
import org.flowcrm.crm.shared.FieldProblem;
import org.flowcrm.crm.shared.InvalidFieldException;
import org.flowcrm.crm.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sets sign-in passwords. An administrator may set anyone's; everyone else only his own. The rule
 * is checked here, in the service, so no entry point can skip it.
 */
@Service
public class PasswordService {

  static final int MIN_LENGTH = 10;
  static final int MAX_LENGTH = 128;

  private final JdbcClient jdbc;
  private final PasswordEncoder encoder;
  private final AuditLog audit;

  PasswordService(JdbcClient jdbc, PasswordEncoder encoder, AuditLog audit) {
    this.jdbc = jdbc;
    this.encoder = encoder;
    this.audit = audit;
  }

  @Transactional
  public void setPassword(CrmUserPrincipal caller, long userId, String password) {
    if (caller.id() != userId && !caller.roles().contains("ADMINISTRATOR")) {
      throw new AccessDeniedException("Only an administrator sets another user's password.");
    }
    if (password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
      throw new InvalidFieldException(
          List.of(
              new FieldProblem(
                  "password", "must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters long")));
    }
    String login =
        jdbc.sql("SELECT login FROM crm_user WHERE id = :id")
            .param("id", userId)
            .query(String.class)
            .optional()
            .orElseThrow(() -> new NotFoundException("user", userId));
    jdbc.sql("UPDATE crm_user SET password_hash = :hash WHERE id = :id")
        .param("hash", encoder.encode(password))
        .param("id", userId)
        .update();
    audit.record("PASSWORD_SET", caller.login(), "for " + login, null);
  }
}
