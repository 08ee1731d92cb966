/** REST API for quotes: {@code /api/v1/quotes}, {@code /api/v1/deals/{id}/quotes}. */
package org.flowcrm.crm.quote.web;
