/** REST API for leads: {@code /api/v1/leads}, {@code /api/v1/lead-statuses}. */
package org.flowcrm.crm.lead.web;
