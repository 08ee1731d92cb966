package org.flowcrm.ui.process;

import jakarta.servlet.http.HttpServletResponse;
import org.flowcrm.ui.process.ProcessDeployments.Deployment;
import org.flowcrm.ui.process.ProcessDeployments.DeploymentRefused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/**
 * Process models for analysts: the list, the modeler (Camunda 8 distribution of bpmn-js with the
 * Zeebe properties panel and our element templates), deployment, and a read-only viewer.
 */
@Controller
@RequestMapping("/processes")
class ProcessController {

  static final String VIEW_LIST = "process/list";
  static final String VIEW_EDIT = "process/edit";
  static final String VIEW_VIEWER = "process/view";

  /** The fragment swapped into the modeler page after a deploy (htmx partial, no layout). */
  static final String VIEW_DEPLOYMENT = "process/deployment";

  private static final Logger log = LoggerFactory.getLogger(ProcessController.class);

  private final ProcessModels models;
  private final ElementTemplates templates;
  private final ObjectProvider<ProcessDeployments> deployments;

  ProcessController(
      ProcessModels models,
      ElementTemplates templates,
      ObjectProvider<ProcessDeployments> deployments) {
    this.models = models;
    this.templates = templates;
    this.deployments = deployments;
  }

  @GetMapping
  String list(Model model) {
    model.addAttribute("models", models.all());
    return VIEW_LIST;
  }

  @GetMapping("/{id}")
  String view(
      @PathVariable String id,
      @RequestParam(name = "highlight", required = false) String highlight,
      Model model) {
    model.addAttribute("process", find(id));
    if (highlight != null && !highlight.isBlank()) {
      model.addAttribute("highlight", highlight);
    }
    return VIEW_VIEWER;
  }

  @GetMapping("/{id}/edit")
  String edit(@PathVariable String id, Model model) {
    model.addAttribute("process", find(id));
    model.addAttribute("canDeploy", deployments.getIfAvailable() != null);
    return VIEW_EDIT;
  }

  @GetMapping(value = "/{id}/diagram.bpmn", produces = MediaType.APPLICATION_XML_VALUE)
  @ResponseBody
  String diagram(@PathVariable String id) {
    return find(id).xml();
  }

  @GetMapping(value = "/element-templates.json", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  String elementTemplates() {
    return templates.asJson();
  }

  @PostMapping("/{id}/deployments")
  String deploy(
      @PathVariable String id,
      @RequestParam(name = "xml", defaultValue = "") String xml,
      Model model,
      HttpServletResponse response) {
    ProcessModel process = find(id);
    model.addAttribute("process", process);
    ProcessDeployments target = deployments.getIfAvailable();
    if (target == null) {
      response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
      model.addAttribute("problemKey", "process.deploy.unavailable");
      return VIEW_DEPLOYMENT;
    }
    if (xml.isBlank()) {
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      model.addAttribute("problemKey", "process.deploy.empty");
      return VIEW_DEPLOYMENT;
    }
    try {
      Deployment deployment = target.deploy(process.fileName(), xml);
      log.info("Process model {} deployed from the modeler: {}", process.fileName(), deployment);
      model.addAttribute("deployment", deployment);
    } catch (DeploymentRefused refused) {
      log.info("Process model {} refused: {}", process.fileName(), refused.getMessage());
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      model.addAttribute("refused", refused);
    }
    return VIEW_DEPLOYMENT;
  }

  private ProcessModel find(String id) {
    return models
        .find(id)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No process " + id));
  }
}
