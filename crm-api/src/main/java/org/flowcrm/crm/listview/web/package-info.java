/** REST API of saved list views ({@code /api/v1/list-views}). */
package org.flowcrm.crm.listview.web;
