/**
 * Web forms: lead capture on any website. Administrators define forms; the public fills them in at
 * {@code /public/forms/{token}} (or in an iframe), and each submission becomes a lead.
 */
package org.flowcrm.crm.webform;
