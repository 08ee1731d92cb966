/** REST API for contacts: {@code /api/v1/contacts}. */
package org.flowcrm.crm.contact.web;
