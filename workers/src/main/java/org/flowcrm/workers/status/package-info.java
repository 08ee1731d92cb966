/** Worker of {@code crm.change-status}: a lead's status or a deal's pipeline stage. */
package org.flowcrm.workers.status;
