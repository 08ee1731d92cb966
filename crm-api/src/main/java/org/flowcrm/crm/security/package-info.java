/**
 * Who may enter: sign-in (form login for pages, HTTP Basic for the REST API), password hashing,
 * sign-in throttling, security headers, the audit log of sign-ins, and the first administrator.
 */
package org.flowcrm.crm.security;
