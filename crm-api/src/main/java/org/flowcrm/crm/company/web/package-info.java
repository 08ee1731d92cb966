/** REST API for companies: {@code /api/v1/companies}. */
package org.flowcrm.crm.company.web;
