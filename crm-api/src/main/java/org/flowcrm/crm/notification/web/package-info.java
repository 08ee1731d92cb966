/** REST API of notifications, with the server-sent-events stream behind the UI's live badge. */
package org.flowcrm.crm.notification.web;
