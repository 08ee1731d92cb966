package org.flowcrm.crm.permission;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new role: it starts with no permissions (every scope NONE). */
public record RoleCommand(
    @NotBlank
        @Size(max = 60)
        @Pattern(regexp = "[A-Z][A-Z0-9_]*", message = "must be upper-case letters, digits and _")
        String code,
    @NotBlank @Size(max = 200) String name) {}
