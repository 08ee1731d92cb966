/** REST API for currencies: {@code /api/v1/currencies}. */
package org.flowcrm.crm.currency.web;
