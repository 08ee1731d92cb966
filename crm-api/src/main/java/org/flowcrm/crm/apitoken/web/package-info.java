/** REST endpoints for API tokens ({@code /api/v1/api-tokens}). */
package org.flowcrm.crm.apitoken.web;
