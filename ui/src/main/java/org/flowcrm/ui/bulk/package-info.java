/**
 * Bulk actions on the lists of leads, deals, contacts and companies: the action bar the lists
 * render above their rows and the form post that runs crm-api's bulk service.
 */
package org.flowcrm.ui.bulk;
