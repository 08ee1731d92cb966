/**
 * Currencies: one base currency and the exchange rate of every other one to it, so that amounts in
 * any currency can be reported in the base currency. Rate changes are kept as history.
 */
package org.flowcrm.crm.currency;
