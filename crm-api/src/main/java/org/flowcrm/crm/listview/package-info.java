/**
 * Saved list views: a user's named filter, sort and visible columns of the lead, deal, contact or
 * company list, his own or shared with everybody by an administrator.
 */
package org.flowcrm.crm.listview;
