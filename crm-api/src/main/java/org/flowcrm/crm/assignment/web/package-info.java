/** REST API of the assignment rules, for administrators. */
package org.flowcrm.crm.assignment.web;
