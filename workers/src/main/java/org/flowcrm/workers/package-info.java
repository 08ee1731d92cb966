/** Job workers: thin adapters from BPMN jobs (official Camunda client) to CRM services. */
package org.flowcrm.workers;
