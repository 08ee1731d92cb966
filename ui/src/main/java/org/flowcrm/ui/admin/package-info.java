/**
 * Administration pages for administrators: users, departments, roles and their permission matrix,
 * currencies and the embedded mail catcher's inbox, under the "Administration" menu ({@code
 * /admin}). crm-api's services refuse everyone else (403); the menu is hidden for them.
 */
package org.flowcrm.ui.admin;
