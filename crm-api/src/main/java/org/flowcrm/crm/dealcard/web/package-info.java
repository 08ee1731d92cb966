/** REST API of the deal card: {@code GET /api/v1/deals/{id}/card}. */
package org.flowcrm.crm.dealcard.web;
