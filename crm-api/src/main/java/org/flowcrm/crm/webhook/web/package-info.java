/** REST endpoints for webhook subscriptions and their delivery log ({@code /api/v1/webhooks}). */
package org.flowcrm.crm.webhook.web;
