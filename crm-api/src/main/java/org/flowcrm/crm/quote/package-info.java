/**
 * Quotes (commercial offers): created from a deal in one call (copying its rows) or by hand,
 * numbered, sent, accepted or declined.
 */
package org.flowcrm.crm.quote;
