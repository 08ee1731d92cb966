package org.flowcrm.crm.permission;

import jakarta.validation.constraints.NotNull;

/** One cell of the permission matrix. */
public record Permission(
    @NotNull EntityType entity, @NotNull Action action, @NotNull Scope scope) {}
