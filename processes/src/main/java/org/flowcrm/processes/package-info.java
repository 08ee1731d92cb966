/**
 * The contract between the BPMN models in {@code processes/} and the Java code that runs them: job
 * types, BPMN error codes, message names, variable names and process ids.
 */
package org.flowcrm.processes;
