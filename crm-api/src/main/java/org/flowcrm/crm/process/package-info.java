/**
 * Process links: which BPMN process instance drives a lead or deal and which element it is at,
 * recorded by the workers so the CRM shows it without asking the engine.
 */
package org.flowcrm.crm.process;
