/** The CRM domain of Flowcrm (leads, contacts, companies, deals, catalog) and its REST API. */
package org.flowcrm.crm;
