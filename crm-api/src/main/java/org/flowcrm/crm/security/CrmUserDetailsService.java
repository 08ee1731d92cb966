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
    // One round trip per sign-in (HTTP Basic signs in on every API request): the user and his
    // role codes together.
    record Row(long id, String login, String passwordHash, boolean active, String roles) {}
    Row row =
        jdbc.sql(
                "SELECT u.id, u.login, u.password_hash, u.active,"
                    + " GROUP_CONCAT(r.code ORDER BY r.code SEPARATOR ',') AS roles"
                    + " FROM crm_user u LEFT JOIN crm_user_role ur ON ur.user_id = u.id"
                    + " LEFT JOIN crm_role r ON r.id = ur.role_id"
                    + " WHERE u.login = :login AND u.password_hash IS NOT NULL"
                    + " GROUP BY u.id, u.login, u.password_hash, u.active"
                    // The processes' system user never signs in, whatever its row says.
                    + " HAVING COALESCE(SUM(r.code = 'PROCESS'), 0) = 0")
            .param("login", login)
            .query(Row.class)
            .optional()
            .orElseThrow(() -> new UsernameNotFoundException("No such user"));
    List<String> roles = row.roles() == null ? List.of() : List.of(row.roles().split(","));
    return new CrmUserPrincipal(
        row.id(),
        row.login(),
        row.passwordHash(),
        row.active(),
        throttle.isLocked(row.login()),
        roles);
  }
}
