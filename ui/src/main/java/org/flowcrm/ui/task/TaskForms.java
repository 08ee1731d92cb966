package org.flowcrm.ui.task;

import io.camunda.client.api.search.response.UserTask;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.flowcrm.ui.process.ProcessModels;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Finds a user task's Camunda Form. First the engine's own answer ({@code
 * CamundaClient.newUserTaskGetFormRequest}); when the engine does not serve forms, the form id is
 * read from the task's element in the model on the classpath ({@code bpmn/<processId>.bpmn}, {@code
 * zeebe:formDefinition formId}) and the form from {@code forms/<formId>.form}, the same files the
 * processes module deploys.
 */
@Component
class TaskForms {

  static final String ZEEBE = "http://camunda.org/schema/zeebe/1.0";
  private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9_.-]+");

  private final ProcessTasks tasks;
  private final ProcessModels models;
  private final ResourcePatternResolver resources = new PathMatchingResourcePatternResolver();

  TaskForms(ProcessTasks tasks, ProcessModels models) {
    this.tasks = tasks;
    this.models = models;
  }

  /** The task's form, or empty when it has none (then it completes without variables). */
  Optional<TaskForm> of(UserTask task) {
    Optional<String> fromEngine = tasks.form(task.getUserTaskKey());
    if (fromEngine.isPresent()) {
      return fromEngine.filter(s -> !s.isBlank()).map(TaskForm::parse);
    }
    return formId(task.getBpmnProcessId(), task.getElementId())
        .flatMap(this::classpathForm)
        .map(TaskForm::parse);
  }

  Optional<String> formId(String processId, String elementId) {
    if (processId == null || elementId == null) {
      return Optional.empty();
    }
    return models
        .find(processId)
        .flatMap(model -> formIdIn(model.xml(), elementId))
        .filter(id -> SAFE_ID.matcher(id).matches());
  }

  static Optional<String> formIdIn(String bpmnXml, String elementId) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      var document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(bpmnXml)));
      NodeList forms = document.getElementsByTagNameNS(ZEEBE, "formDefinition");
      for (int i = 0; i < forms.getLength(); i++) {
        Element form = (Element) forms.item(i);
        // zeebe:formDefinition sits in bpmn:extensionElements of the user task
        if (form.getParentNode() != null
            && form.getParentNode().getParentNode() instanceof Element task
            && elementId.equals(task.getAttribute("id"))
            && !form.getAttribute("formId").isBlank()) {
          return Optional.of(form.getAttribute("formId"));
        }
      }
      return Optional.empty();
    } catch (Exception unreadable) {
      return Optional.empty();
    }
  }

  private Optional<String> classpathForm(String formId) {
    try {
      for (Resource resource : resources.getResources("classpath*:forms/" + formId + ".form")) {
        if (resource.exists()) {
          try (InputStream in = resource.getInputStream()) {
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
          }
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
