/** REST endpoints of sign-in: who am I, and setting a password. */
package org.flowcrm.crm.security.web;
