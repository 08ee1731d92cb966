package org.flowcrm.engine.processing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.flowcrm.engine.api.DeployResource;
import org.flowcrm.engine.api.Deployment;
import org.flowcrm.engine.api.Form;
import org.flowcrm.engine.state.DeployedForm;
import org.flowcrm.engine.state.EngineState;
import org.flowcrm.engine.store.EngineStore;

/**
 * Deploying forms ({@code .form}: Camunda Forms JSON). The schema's {@code id} is the form id; a
 * form equal to the latest version of its id is not deployed again (that version is returned), as
 * for processes. The engine does not interpret the schema: it keeps it for the user-task form API.
 */
final class FormDeployment {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A form read on the caller's thread, before its deployment is queued. */
  record ParsedForm(DeployResource resource, String formId, String checksum) {}

  /** Why a form resource cannot be deployed. */
  static final class InvalidForm extends Exception {
    InvalidForm(String message) {
      super(message);
    }
  }

  private FormDeployment() {}

  static ParsedForm parse(DeployResource resource, String checksum) throws InvalidForm {
    JsonNode schema;
    try {
      schema = JSON.readTree(resource.content());
    } catch (IOException e) {
      throw new InvalidForm("Expected the form to be JSON, but it is not: " + e.getMessage());
    }
    if (schema == null || !schema.isObject()) {
      throw new InvalidForm("Expected the form to be a JSON object (a Camunda Forms schema)");
    }
    JsonNode id = schema.get("id");
    if (id == null || !id.isTextual() || id.asText().isBlank()) {
      throw new InvalidForm("Expected the form to have a non-empty string 'id' (its form id)");
    }
    return new ParsedForm(resource, id.asText(), checksum);
  }

  /** On the processing thread: a new version, or the latest one when the content is unchanged. */
  static Deployment.DeployedForm deploy(
      EngineState state,
      ParsedForm parsed,
      long deploymentKey,
      String tenant,
      long now,
      Batch batch) {
    DeployedForm latest = state.latestForm(parsed.formId());
    if (latest != null && latest.checksum().equals(parsed.checksum())) {
      return toDeployment(latest);
    }
    DeployedForm form =
        new DeployedForm(
            state.nextKey(),
            parsed.formId(),
            latest == null ? 1 : latest.version() + 1,
            parsed.resource().name(),
            parsed.resource().content(),
            parsed.checksum(),
            deploymentKey,
            tenant,
            now);
    state.addForm(form);
    batch.newForms.add(
        new EngineStore.StoredForm(
            form.key(),
            form.formId(),
            form.version(),
            form.resourceName(),
            form.schema(),
            form.checksum(),
            form.deploymentKey(),
            form.tenantId(),
            form.deployTime()));
    return toDeployment(form);
  }

  static DeployedForm fromStore(EngineStore.StoredForm f) {
    return new DeployedForm(
        f.key(),
        f.formId(),
        f.version(),
        f.resourceName(),
        f.schema(),
        f.checksum(),
        f.deploymentKey(),
        f.tenantId(),
        f.deployTime());
  }

  static Form toApi(DeployedForm form) {
    return new Form(
        form.key(),
        form.formId(),
        form.version(),
        new String(form.schema(), StandardCharsets.UTF_8),
        form.tenantId());
  }

  private static Deployment.DeployedForm toDeployment(DeployedForm form) {
    return new Deployment.DeployedForm(
        form.formId(), form.version(), form.key(), form.resourceName(), form.tenantId());
  }
}
