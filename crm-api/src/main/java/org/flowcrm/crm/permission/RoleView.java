package org.flowcrm.crm.permission;

/** A role; built-in roles (the four defaults and PROCESS) cannot be deleted. */
public record RoleView(long id, String code, String name, boolean builtIn) {}
