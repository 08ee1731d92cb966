package org.flowcrm.ui.process;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.ProblemDetail;
import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.DeploymentEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Deploys through the official Camunda client, to the embedded engine or a Camunda 8 cluster. */
class CamundaProcessDeployments implements ProcessDeployments {

  /** How the engine names a faulty element in a rejection: {@code - Element: Task_1}. */
  private static final Pattern ELEMENT = Pattern.compile("Element: ([A-Za-z_][\\w.-]*)");

  private final CamundaClient client;

  CamundaProcessDeployments(CamundaClient client) {
    this.client = client;
  }

  @Override
  public Deployment deploy(String resourceName, String xml) {
    try {
      DeploymentEvent event =
          client
              .newDeployResourceCommand()
              .addResourceBytes(xml.getBytes(StandardCharsets.UTF_8), resourceName)
              .send()
              .join();
      return new Deployment(
          event.getKey(),
          event.getProcesses().stream()
              .map(
                  p ->
                      new DeployedProcess(
                          p.getBpmnProcessId(), p.getVersion(), p.getProcessDefinitionKey()))
              .toList());
    } catch (CompletionException e) {
      throw refused(e.getCause() == null ? e : e.getCause());
    } catch (ClientException e) {
      throw refused(e);
    }
  }

  static DeploymentRefused refused(Throwable e) {
    String title;
    String detail;
    if (e instanceof ProblemException problem && problem.details() != null) {
      ProblemDetail details = problem.details();
      title = orElse(details.getTitle(), "HTTP " + problem.code());
      detail = orElse(details.getDetail(), problem.getMessage());
    } else if (e instanceof ClientStatusException status) {
      title = status.getStatusCode().name();
      detail = orElse(status.getStatus().getDescription(), status.getMessage());
    } else {
      title = e.getClass().getSimpleName();
      detail = orElse(e.getMessage(), title);
    }
    return new DeploymentRefused(title, detail, elementIds(detail), e);
  }

  /** The ids of the elements an engine rejection names, in order, without repeats. */
  static List<String> elementIds(String detail) {
    LinkedHashSet<String> ids = new LinkedHashSet<>();
    Matcher m = ELEMENT.matcher(detail == null ? "" : detail);
    while (m.find()) {
      ids.add(m.group(1));
    }
    return new ArrayList<>(ids);
  }

  private static String orElse(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }
}
