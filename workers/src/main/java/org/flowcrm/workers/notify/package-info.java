/** {@code crm.notify}: in-app notifications from the processes. */
package org.flowcrm.workers.notify;
