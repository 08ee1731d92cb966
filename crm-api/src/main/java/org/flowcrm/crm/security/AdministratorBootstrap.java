package org.flowcrm.crm.security;

import java.security.SecureRandom;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On the first start with an empty database, creates the administrator {@code admin}. Its password
 * comes from {@code CRM_ADMIN_PASSWORD}; when that is unset, a random one is printed once in the
 * log (and never again: only its hash is stored).
 */
@Component
class AdministratorBootstrap implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(AdministratorBootstrap.class);
  static final String ADMIN_LOGIN = "admin";

  private final JdbcClient jdbc;
  private final PasswordEncoder passwords;
  private final Environment environment;
  private final AuditLog audit;

  AdministratorBootstrap(
      JdbcClient jdbc, PasswordEncoder passwords, Environment environment, AuditLog audit) {
    this.jdbc = jdbc;
    this.passwords = passwords;
    this.environment = environment;
    this.audit = audit;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    boolean anyoneCanSignIn =
        jdbc.sql("SELECT COUNT(*) FROM crm_user WHERE password_hash IS NOT NULL")
                .query(Long.class)
                .single()
            > 0;
    if (anyoneCanSignIn) {
      return;
    }
    String configured = environment.getProperty("CRM_ADMIN_PASSWORD");
    String password = configured == null || configured.isBlank() ? randomPassword() : configured;
    Instant now = Instant.now();
    String hash = passwords.encode(password);
    int updated =
        jdbc.sql("UPDATE crm_user SET password_hash = :hash, active = TRUE WHERE login = :login")
            .param("hash", hash)
            .param("login", ADMIN_LOGIN)
            .update();
    if (updated == 0) {
      jdbc.sql(
              "INSERT INTO crm_user (login, display_name, email, password_hash, active, version,"
                  + " created_at, updated_at) VALUES (:login, 'Administrator', NULL, :hash, TRUE,"
                  + " 0, :now, :now)")
          .param("login", ADMIN_LOGIN)
          .param("hash", hash)
          .param("now", now)
          .update();
    }
    jdbc.sql(
            "INSERT IGNORE INTO crm_user_role (user_id, role_id) SELECT u.id, r.id FROM crm_user u,"
                + " crm_role r WHERE u.login = :login AND r.code = 'ADMINISTRATOR'")
        .param("login", ADMIN_LOGIN)
        .update();
    audit.record("ADMIN_CREATED", ADMIN_LOGIN, "first start", null);
    if (configured == null || configured.isBlank()) {
      log.warn(
          "Created the administrator '{}' with the password: {}  (shown once; set"
              + " CRM_ADMIN_PASSWORD to choose it)",
          ADMIN_LOGIN,
          password);
    } else {
      log.info(
          "Created the administrator '{}' with the password from CRM_ADMIN_PASSWORD", ADMIN_LOGIN);
    }
  }

  private static String randomPassword() {
    String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    SecureRandom random = new SecureRandom();
    StringBuilder password = new StringBuilder();
    for (int i = 0; i < 16; i++) {
      password.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return password.toString();
  }
}
