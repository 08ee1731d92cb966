/** REST API for activities: {@code /api/v1/activities}. */
package org.flowcrm.crm.activity.web;
