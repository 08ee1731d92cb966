package org.flowcrm.processes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** The module's resources as the tests see them: from the classpath, as the application will. */
final class Resources {

  static final ObjectMapper JSON = new ObjectMapper();

  private static final Map<String, BpmnModelInstance> MODELS = new ConcurrentHashMap<>();

  /** The parsed model of a process, parsed once per test run (the tests only read it). */
  static BpmnModelInstance model(String processId) {
    return MODELS.computeIfAbsent(processId, Resources::parse);
  }

  private static BpmnModelInstance parse(String processId) {
    try (InputStream in = stream(ProcessIds.resource(processId))) {
      return Bpmn.readModelFromStream(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static boolean exists(String resource) {
    return Resources.class.getClassLoader().getResource(resource) != null;
  }

  static InputStream stream(String resource) {
    InputStream in = Resources.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalArgumentException("no resource " + resource);
    }
    return in;
  }

  static String text(String resource) {
    try (InputStream in = stream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode json(String resource) {
    try (InputStream in = stream(resource)) {
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** File names in a resource directory, sorted. */
  static List<String> list(String directory, String suffix) {
    URL url = Resources.class.getClassLoader().getResource(directory);
    if (url == null) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
      return files
          .map(file -> file.getFileName().toString())
          .filter(name -> name.endsWith(suffix))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<String> formFiles() {
    return list("forms", ".form");
  }

  static Set<String> formIds() {
    Set<String> ids = new TreeSet<>();
    for (String file : formFiles()) {
      ids.add(json("forms/" + file).path("id").asText());
    }
    return ids;
  }

  static List<String> templateFiles() {
    return list("element-templates", ".json");
  }

  /** The job type a template binds through {@code zeebe:taskDefinition}, or null. */
  static String jobTypeOf(JsonNode template) {
    for (JsonNode property : template.path("properties")) {
      JsonNode binding = property.path("binding");
      if ("zeebe:taskDefinition".equals(binding.path("type").asText())
          && "type".equals(binding.path("property").asText())) {
        return property.path("value").asText(null);
      }
    }
    return null;
  }

  static Set<String> elementTemplateJobTypes() {
    Set<String> types = new TreeSet<>();
    for (String file : templateFiles()) {
      types.add(jobTypeOf(json("element-templates/" + file)));
    }
    return types;
  }

  private Resources() {}
}
