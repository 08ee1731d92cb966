/**
 * How jobs run: every job handler runs as the CRM's system user, so the permission checks of the
 * CRM services apply to processes as to anyone else (the PROCESS role) and no worker can forget it.
 */
package org.flowcrm.workers.execution;
