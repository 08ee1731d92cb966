/** REST endpoints of group mailings and the public unsubscribe page. */
package org.flowcrm.crm.mailing.web;
