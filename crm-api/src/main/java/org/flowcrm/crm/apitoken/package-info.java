/**
 * API tokens: named bearer secrets a user creates for his scripts and integrations, acting with
 * exactly his role's permissions; shown once, stored only as a hash, revocable by him or an
 * administrator.
 */
package org.flowcrm.crm.apitoken;
