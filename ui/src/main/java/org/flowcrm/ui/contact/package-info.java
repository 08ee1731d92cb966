/** Contact pages: the list with search and the contact's card with its deals and timeline. */
package org.flowcrm.ui.contact;
