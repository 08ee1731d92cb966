/** {@code crm.log-activity}: timeline entries written by the processes. */
package org.flowcrm.workers.activity;
