/**
 * Outgoing webhooks: administrators subscribe URLs to CRM events; changes write signed deliveries
 * into an outbox in their own transaction, and a dispatcher sends them with retries and a log.
 */
package org.flowcrm.crm.webhook;
