/**
 * Web forms: capture on any website. Administrators define forms; the public fills them in at
 * {@code /public/forms/{token}} (or in an iframe), and each submission becomes a lead, or a contact
 * and a deal; forms may hold suspected spam for administrators to accept or reject.
 */
package org.flowcrm.crm.webform;
