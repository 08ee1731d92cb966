/**
 * REST API for change histories: {@code
 * /api/v1/{leads|contacts|companies|deals|products}/{id}/history}.
 */
package org.flowcrm.crm.history.web;
