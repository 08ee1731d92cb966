/** Quotes in the browser: the PDF behind the deal card's "PDF" link, for the signed-in user. */
package org.flowcrm.ui.quote;
