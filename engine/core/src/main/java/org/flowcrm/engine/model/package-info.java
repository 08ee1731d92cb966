/** Deployed processes: BPMN parsing, deploy-time validation and the executable element graph. */
package org.flowcrm.engine.model;
