/** REST endpoints of the online-store intake: {@code /api/v1/store-orders}, JSON and CommerceML. */
package org.flowcrm.crm.onlinestore.web;
