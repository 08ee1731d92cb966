/**
 * Administration pages for administrators under the "Administration" menu ({@code /admin}): users,
 * departments, roles and their permission matrix, currencies, the embedded mail catcher's inbox,
 * pipelines and stages, custom fields, mail templates and web forms. {@code AdministratorsOnly}
 * refuses everyone else (403) before any handler here, and crm-api's services check again; the menu
 * is hidden for them.
 */
package org.flowcrm.ui.admin;
