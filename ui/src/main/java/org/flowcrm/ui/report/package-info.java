/**
 * The report pages: the reports index, one page per standard report (filters as a GET form, a bar
 * chart drawn on the server as inline SVG, the table, CSV download) and the sales funnel.
 */
package org.flowcrm.ui.report;
