/** REST endpoints of imports ({@code /api/v1/imports}) and the contacts' vCard export. */
package org.flowcrm.crm.importing.web;
