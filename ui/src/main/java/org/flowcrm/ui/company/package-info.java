/** Company pages: the list with search and the company's card with its deals and timeline. */
package org.flowcrm.ui.company;
