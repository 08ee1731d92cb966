/**
 * The people who work in the CRM, as far as the CRM needs them: who is responsible for a record and
 * who changed it. Roles and permissions come with the security issue; other features use {@link
 * org.flowcrm.crm.user.UserService} only.
 */
package org.flowcrm.crm.user;
