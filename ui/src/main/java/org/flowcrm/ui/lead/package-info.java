/** Lead pages: the list with search and filters, the creation form and the lead's card. */
package org.flowcrm.ui.lead;
