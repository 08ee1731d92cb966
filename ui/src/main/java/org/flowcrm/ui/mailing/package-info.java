/** Group mailing pages: the "Send mail" step after the list's bulk bar, and its progress. */
package org.flowcrm.ui.mailing;
