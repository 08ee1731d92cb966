/**
 * Quote and invoice pages: the lists with status filter, the cards with rows, status, PDF and
 * timeline, and the forms that create them by hand and edit a draft (rows in the deal's editor).
 */
package org.flowcrm.ui.document;
