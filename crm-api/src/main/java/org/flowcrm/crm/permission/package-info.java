/**
 * Who may do what: the permission matrix of roles (entity type × action → scope), the {@link
 * org.flowcrm.crm.permission.AccessPolicy} every feature service asks before it reads or changes a
 * record and whose SQL filter its list, search and export queries apply, deal restrictions per
 * pipeline and stage, and the {@link org.flowcrm.crm.permission.SystemUser} processes act as.
 */
package org.flowcrm.crm.permission;
