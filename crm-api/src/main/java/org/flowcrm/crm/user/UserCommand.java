package org.flowcrm.crm.user;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Creates or updates a user; the login cannot change after creation. */
public record UserCommand(
    @NotBlank
        @Size(max = 100)
        @Pattern(regexp = "[A-Za-z0-9._@-]+", message = "may contain letters, digits and . _ @ -")
        String login,
    @NotBlank @Size(max = 200) String displayName,
    @Email @Size(max = 254) String email,
    Boolean active) {}
