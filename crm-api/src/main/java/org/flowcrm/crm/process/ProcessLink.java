package org.flowcrm.crm.process;

import java.time.Instant;

/**
 * The process instance driving a lead or deal and where it is: the BPMN element id and name, and
 * since when. {@code null} in a view when no process drives the record.
 */
public record ProcessLink(
    long instanceKey, String processId, String elementId, String elementName, Instant since) {

  /** The link read from a record's columns, or {@code null} when it has no process. */
  public static ProcessLink of(
      Long instanceKey, String processId, String elementId, String elementName, Instant since) {
    return instanceKey == null
        ? null
        : new ProcessLink(instanceKey, processId, elementId, elementName, since);
  }
}
