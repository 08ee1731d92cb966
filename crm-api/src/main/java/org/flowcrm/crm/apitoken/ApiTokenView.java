package org.flowcrm.crm.apitoken;

import java.time.Instant;

/**
 * A token as lists show it: never the secret, only its first characters to tell tokens apart.
 * {@code active} is false once revoked or expired.
 */
public record ApiTokenView(
    long id,
    long userId,
    String userLogin,
    String name,
    String prefix,
    Instant createdAt,
    Instant lastUsedAt,
    Instant expiresAt,
    Instant revokedAt,
    boolean active) {}
