/** A Camunda-8-compatible BPMN engine in plain Java: no Spring, no JPA. */
package org.flowcrm.engine;
