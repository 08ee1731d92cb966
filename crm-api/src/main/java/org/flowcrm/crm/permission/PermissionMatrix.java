package org.flowcrm.crm.permission;

import java.util.List;

/** Every entity type × action of a role (or of the caller's effective rights) with its scope. */
public record PermissionMatrix(String role, List<Permission> permissions) {}
