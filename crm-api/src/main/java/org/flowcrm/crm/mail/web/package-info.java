/** REST API of mail templates, outgoing mails and "send invoice". */
package org.flowcrm.crm.mail.web;
