/** REST API for users: {@code /api/v1/users}. */
package org.flowcrm.crm.user.web;
