/** REST API of roles, their permission matrix and deal restrictions, and users' roles. */
package org.flowcrm.crm.permission.web;
