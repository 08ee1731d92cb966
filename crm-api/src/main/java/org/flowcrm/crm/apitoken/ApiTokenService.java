package org.flowcrm.crm.apitoken;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.flowcrm.crm.permission.AccessPolicy;
import org.flowcrm.crm.security.ApiTokenVerifier;
import org.flowcrm.crm.security.AuditLog;
import org.flowcrm.crm.shared.ForbiddenException;
import org.flowcrm.crm.shared.InvalidFieldException;
import org.flowcrm.crm.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, lists and revokes API tokens, and verifies presented secrets for sign-in.
 *
 * <p>A secret is {@value #SCHEME} followed by 32 random bytes (256 bits, base64url), so guessing is
 * hopeless and a single unsalted SHA-256 is a safe hash for it (unlike a password, there is no
 * small space to search). Lookup is by that hash, an indexed equality, so a request pays one query
 * instead of a bcrypt check.
 */
@Service
public class ApiTokenService implements ApiTokenVerifier {

  static final String SCHEME = "fcrm_";
  private static final int PREFIX_LENGTH = SCHEME.length() + 8;

  /** Touching last_used_at on every request would write a row per call; once a minute is enough. */
  private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

  private final JdbcClient jdbc;
  private final AccessPolicy access;
  private final AuditLog audit;
  private final SecureRandom random = new SecureRandom();

  ApiTokenService(JdbcClient jdbc, AccessPolicy access, AuditLog audit) {
    this.jdbc = jdbc;
    this.access = access;
    this.audit = audit;
  }

  /** Creates a token for the caller; the answer holds the secret, shown this once. */
  @Transactional
  public CreatedApiToken create(ApiTokenCommand command) {
    long caller = access.callerId();
    if (command.userId() != null && command.userId() != caller) {
      throw new ForbiddenException(
          "CREATE", "API_TOKEN", "API tokens can only be created by their user, for himself");
    }
    String name = command.name() == null ? "" : command.name().strip();
    if (name.isEmpty()) {
      throw new InvalidFieldException("name", "must not be blank");
    }
    if (name.length() > 100) {
      throw new InvalidFieldException("name", "must be at most 100 characters");
    }
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    if (command.expiresAt() != null && !command.expiresAt().isAfter(now)) {
      throw new InvalidFieldException("expiresAt", "must lie in the future");
    }
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String secret = SCHEME + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO crm_api_token (user_id, name, secret_hash, display_prefix, created_at,"
                + " expires_at) VALUES (:user, :name, :hash, :prefix, :now, :expires)")
        .param("user", caller)
        .param("name", name)
        .param("hash", hash(secret))
        .param("prefix", secret.substring(0, PREFIX_LENGTH))
        .param("now", Timestamp.from(now))
        .param("expires", command.expiresAt() == null ? null : Timestamp.from(command.expiresAt()))
        .update(keys);
    long id = keys.getKey().longValue();
    ApiTokenView view = find(id).orElseThrow();
    audit.record(
        "API_TOKEN_CREATED",
        view.userLogin(),
        "token " + id + " '" + name + "' (" + view.prefix() + "…)",
        null);
    return new CreatedApiToken(view, secret);
  }

  /** The caller's own tokens, newest first. */
  @Transactional(readOnly = true)
  public List<ApiTokenView> mine() {
    return query("WHERE t.user_id = :user", access.callerId());
  }

  /** Every user's tokens, newest first; administrators only. */
  @Transactional(readOnly = true)
  public List<ApiTokenView> all() {
    access.requireAdministrator("API_TOKEN");
    return query("", null);
  }

  /**
   * Revokes a token of the caller's, or anyone's for an administrator; someone else's token is
   * missing for other users (404), so ids are not confirmed. Revoking twice is harmless.
   */
  @Transactional
  public ApiTokenView revoke(long id) {
    ApiTokenView token = find(id).orElseThrow(() -> new NotFoundException("API token", id));
    if (token.userId() != access.callerId()) {
      try {
        access.requireAdministrator("API_TOKEN");
      } catch (ForbiddenException notAdministrator) {
        throw new NotFoundException("API token", id);
      }
    }
    if (token.revokedAt() == null) {
      jdbc.sql("UPDATE crm_api_token SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
          .param("now", Timestamp.from(Instant.now()))
          .param("id", id)
          .update();
      audit.record(
          "API_TOKEN_REVOKED",
          token.userLogin(),
          "token "
              + id
              + " '"
              + token.name()
              + "' ("
              + token.prefix()
              + "…) by user "
              + access.callerId(),
          null);
    }
    return find(id).orElseThrow();
  }

  @Override
  @Transactional
  public Optional<String> loginFor(String secret) {
    if (!secret.startsWith(SCHEME)) {
      return Optional.empty();
    }
    record Match(long id, String login, Timestamp lastUsedAt) {}
    Instant now = Instant.now();
    Optional<Match> match =
        jdbc.sql(
                "SELECT t.id, u.login, t.last_used_at FROM crm_api_token t"
                    + " JOIN crm_user u ON u.id = t.user_id WHERE t.secret_hash = :hash"
                    + " AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > :now)")
            .param("hash", hash(secret))
            .param("now", Timestamp.from(now))
            .query(Match.class)
            .optional();
    match
        .filter(
            m ->
                m.lastUsedAt() == null
                    || m.lastUsedAt().toInstant().isBefore(now.minus(LAST_USED_PRECISION)))
        .ifPresent(
            m ->
                jdbc.sql("UPDATE crm_api_token SET last_used_at = :now WHERE id = :id")
                    .param("now", Timestamp.from(now))
                    .param("id", m.id())
                    .update());
    return match.map(Match::login);
  }

  private Optional<ApiTokenView> find(long id) {
    return query("WHERE t.id = :id", id).stream().findFirst();
  }

  private List<ApiTokenView> query(String where, Long parameter) {
    var statement =
        jdbc.sql(
            "SELECT t.id, t.user_id, u.login, t.name, t.display_prefix, t.created_at,"
                + " t.last_used_at, t.expires_at, t.revoked_at FROM crm_api_token t"
                + " JOIN crm_user u ON u.id = t.user_id "
                + where
                + " ORDER BY t.created_at DESC, t.id DESC");
    if (where.contains(":user")) {
      statement = statement.param("user", parameter);
    } else if (where.contains(":id")) {
      statement = statement.param("id", parameter);
    }
    Instant now = Instant.now();
    return statement.query((rs, i) -> view(rs, now)).list();
  }

  private static ApiTokenView view(ResultSet rs, Instant now) throws SQLException {
    Instant expires = instant(rs, "expires_at");
    Instant revoked = instant(rs, "revoked_at");
    return new ApiTokenView(
        rs.getLong("id"),
        rs.getLong("user_id"),
        rs.getString("login"),
        rs.getString("name"),
        rs.getString("display_prefix"),
        instant(rs, "created_at"),
        instant(rs, "last_used_at"),
        expires,
        revoked,
        revoked == null && (expires == null || expires.isAfter(now)));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }

  static String hash(String secret) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", impossible);
    }
  }
}
