/**
 * Column choice and saved views above a list: the tabs of the user's own and the shared views, the
 * column chooser in the filter form, and saving or deleting a view (crm-api's {@code
 * ListViewService}).
 */
package org.flowcrm.ui.listview;
