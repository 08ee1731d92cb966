/** REST API for deals and pipelines: {@code /api/v1/deals}, {@code /api/v1/pipelines}. */
package org.flowcrm.crm.deal.web;
