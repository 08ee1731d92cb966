/** Command processing: the single processing thread, BPMN element behaviour, jobs and incidents. */
package org.flowcrm.engine.processing;
