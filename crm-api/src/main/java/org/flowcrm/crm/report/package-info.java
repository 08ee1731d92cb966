/**
 * The standard reports and the sales funnel: aggregate SQL over deals, restricted in the database
 * to the caller's report and deal read scope, with one uniform result every page and CSV writer
 * renders.
 */
package org.flowcrm.crm.report;
