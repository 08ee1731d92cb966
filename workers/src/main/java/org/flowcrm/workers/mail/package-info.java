/** {@code crm.send-mail}: templated mail from the processes. */
package org.flowcrm.workers.mail;
