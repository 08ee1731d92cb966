/** Quote and invoice pages: the lists with status filter, the cards with rows, status and PDF. */
package org.flowcrm.ui.document;
