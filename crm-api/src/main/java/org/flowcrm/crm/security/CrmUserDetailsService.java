package org.flowcrm.crm.security;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Loads users for sign-in from {@code crm_user}; a user without a password, and the system user
 * (role PROCESS), cannot sign in.
 */
@Service
class CrmUserDetailsService implements UserDetailsService {

  private final JdbcClient jdbc;
  private final LoginThrottle throttle;

  CrmUserDetailsService(JdbcClient jdbc, LoginThrottle throttle) {
    this.jdbc = jdbc;
    this.throttle = throttle;
  }

  @Override
  public CrmUserPrincipal loadUserByUsername(String login) {
    record Row(long id, String login, String passwordHash, boolean active) {}
    Row row =
        jdbc.sql(
                "SELECT id, login, password_hash, active FROM crm_user"
                    + " WHERE login = :login AND password_hash IS NOT NULL"
                    // The processes' system user never signs in, whatever its row says.
                    + " AND NOT EXISTS (SELECT 1 FROM crm_user_role ur JOIN crm_role r"
                    + " ON r.id = ur.role_id WHERE ur.user_id = crm_user.id AND r.code = 'PROCESS')")
            .param("login", login)
            .query(Row.class)
            .optional()
            .orElseThrow(() -> new UsernameNotFoundException("No such user"));
    List<String> roles =
        jdbc.sql(
                "SELECT r.code FROM crm_role r JOIN crm_user_role ur ON ur.role_id = r.id"
                    + " WHERE ur.user_id = :id ORDER BY r.code")
            .param("id", row.id())
            .query(String.class)
            .list();
    return new CrmUserPrincipal(
        row.id(),
        row.login(),
        row.passwordHash(),
        row.active(),
        throttle.isLocked(row.login()),
        roles);
  }
}
