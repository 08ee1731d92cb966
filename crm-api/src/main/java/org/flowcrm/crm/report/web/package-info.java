/** REST endpoints of the reports and the funnel (JSON and CSV). */
package org.flowcrm.crm.report.web;
