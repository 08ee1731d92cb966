/**
 * The import wizard pages: upload, preview and mapping, progress, report with revert, past imports;
 * crm-api's {@link org.flowcrm.crm.importing.ImportService} does the work.
 */
package org.flowcrm.ui.importing;
