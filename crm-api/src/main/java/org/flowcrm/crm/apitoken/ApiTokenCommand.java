package org.flowcrm.crm.apitoken;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * A new token: a name that says what it is for, an optional expiry, and optionally the user it is
 * for, which must be the caller (nobody mints secrets for someone else, administrators included).
 */
public record ApiTokenCommand(
    @NotBlank @Size(max = 100) @Schema(example = "Nightly ERP sync") String name,
    @Schema(example = "2027-01-31T00:00:00Z", description = "Optional; must lie in the future")
        Instant expiresAt,
    @Schema(description = "Optional; only the caller's own id is accepted") Long userId) {}
