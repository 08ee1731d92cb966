/**
 * What the lead, deal, contact and company lists share: filters (standard and custom fields), sort,
 * keyset paging, column choice and saved views (the tabs of the user's own and the shared views,
 * saving or deleting one; crm-api's {@code ListViewService}).
 */
package org.flowcrm.ui.listview;
