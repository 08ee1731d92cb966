package org.flowcrm.crm.lead;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Adds a lead status (open or junk; there is one converted status) or renames one. */
public record LeadStatusCommand(
    @NotNull
        @Pattern(
            regexp = "[A-Z][A-Z0-9_]{0,39}",
            message = "must be upper-case letters, digits and _ (at most 40)")
        String code,
    @NotBlank @Size(max = 100) String name,
    StatusSemantic semantic,
    Integer sortOrder) {}
