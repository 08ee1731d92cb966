/** REST API for custom field definitions: {@code /api/v1/custom-fields}. */
package org.flowcrm.crm.customfield.web;
