package org.flowcrm.engine.model;

import java.util.Map;

/** A process ready to run: its elements by id, the process node itself among them. */
public record ExecutableProcess(String bpmnProcessId, Map<String, FlowNode> elements) {

  public FlowNode element(String id) {
    FlowNode node = elements.get(id);
    if (node == null) {
      throw new IllegalStateException("No element '" + id + "' in process " + bpmnProcessId);
    }
    return node;
  }

  public FlowNode process() {
    return element(bpmnProcessId);
  }
}
