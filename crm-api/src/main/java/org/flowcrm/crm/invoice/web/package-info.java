/** REST API for invoices: {@code /api/v1/invoices}, {@code /api/v1/deals/{id}/invoices}. */
package org.flowcrm.crm.invoice.web;
