package org.flowcrm.engine.processing;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeVersionTag;
import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.flowcrm.engine.state.DeployedProcess;

/**
 * What queries show of a deployed process that execution does not need: the process's and its
 * elements' names, Camunda's element type names, the version tag and whether the start event links
 * a form. Read from the deployed BPMN once per process version, on first use.
 */
final class ModelInfo {

  /** One process version's descriptive data. */
  record Definition(
      String processName,
      String versionTag,
      boolean hasStartForm,
      String startFormId,
      Map<String, String> elementNames,
      Map<String, String> elementTypes) {

    String type(String elementId) {
      return elementTypes.getOrDefault(elementId, "UNKNOWN");
    }
  }

  private final Map<Long, Definition> byKey = new ConcurrentHashMap<>();

  Definition of(DeployedProcess process) {
    return byKey.computeIfAbsent(process.key(), k -> read(process));
  }

  private static Definition read(DeployedProcess deployed) {
    BpmnModelInstance model =
        Bpmn.readModelFromStream(new ByteArrayInputStream(deployed.resource()));
    Process process = model.getModelElementById(deployed.bpmnProcessId());
    Map<String, String> names = new HashMap<>();
    Map<String, String> types = new HashMap<>();
    boolean startForm = false;
    String startFormId = null;
    for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
      if (element.getName() != null) {
        names.put(element.getId(), element.getName());
      }
      types.put(element.getId(), camundaType(element));
      if (element instanceof StartEvent start
          && start.getParentElement() == process
          && start.getEventDefinitions().isEmpty()
          && start.getSingleExtensionElement(ZeebeFormDefinition.class) != null) {
        startForm = true;
        startFormId = start.getSingleExtensionElement(ZeebeFormDefinition.class).getFormId();
      }
    }
    types.put(deployed.bpmnProcessId(), "PROCESS");
    ZeebeVersionTag tag =
        process == null ? null : process.getSingleExtensionElement(ZeebeVersionTag.class);
    return new Definition(
        process == null ? null : process.getName(),
        tag == null ? null : tag.getValue(),
        startForm,
        startFormId == null || startFormId.isBlank() ? null : startFormId,
        Map.copyOf(names),
        Map.copyOf(types));
  }

  /** BPMN element name → Camunda's type name: {@code serviceTask} → {@code SERVICE_TASK}. */
  private static String camundaType(BaseElement element) {
    if (element instanceof SubProcess sub && sub.triggeredByEvent()) {
      return "EVENT_SUB_PROCESS";
    }
    String name = element.getElementType().getTypeName();
    return switch (name) {
      case "sequenceFlow" -> "SEQUENCE_FLOW";
      case "task" -> "TASK";
      default -> name.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    };
  }
}
