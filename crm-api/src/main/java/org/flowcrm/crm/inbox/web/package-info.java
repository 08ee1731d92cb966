/** REST endpoints of incoming mail: status, exclusion list, poll now, attachments. */
package org.flowcrm.crm.inbox.web;
