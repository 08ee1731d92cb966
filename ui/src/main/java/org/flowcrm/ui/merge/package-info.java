/**
 * Merging duplicates in the browser: a contact's, company's or lead's card warns about records
 * sharing an e-mail or phone, and "Merge duplicate…" compares the two side by side before the merge
 * is confirmed.
 */
package org.flowcrm.ui.merge;
