/** {@code POST /api/v1/{contacts,companies,leads}/{id}/merge}. */
package org.flowcrm.crm.merge.web;
