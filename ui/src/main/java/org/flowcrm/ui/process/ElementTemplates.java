package org.flowcrm.ui.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * The element templates on the classpath ({@code classpath*:element-templates/*.json}), merged into
 * the one array the modeler's template loader takes. A file may hold one template or an array of
 * them; a file that is not JSON is left out and logged, so one broken file does not hide the rest.
 */
@Component
class ElementTemplates {

  static final String LOCATION = "classpath*:element-templates/*.json";

  private static final Logger log = LoggerFactory.getLogger(ElementTemplates.class);

  private final ResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
  private final JsonMapper json = JsonMapper.builder().build();

  /** All templates as a JSON array. */
  String asJson() {
    ArrayNode all = json.createArrayNode();
    for (Resource resource : resources()) {
      try (InputStream in = resource.getInputStream()) {
        JsonNode node = json.readTree(in);
        if (node.isArray()) {
          node.forEach(all::add);
        } else if (node.isObject()) {
          all.add(node);
        } else {
          log.warn("Element template file {} holds no template", resource.getFilename());
        }
      } catch (IOException | JacksonException e) {
        log.error("Element template file {} is not valid JSON: {}", resource.getFilename(), e);
      }
    }
    return json.writeValueAsString(all);
  }

  private Resource[] resources() {
    try {
      Resource[] resources = resolver.getResources(LOCATION);
      Arrays.sort(resources, Comparator.comparing(r -> String.valueOf(r.getFilename())));
      return resources;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + LOCATION, e);
    }
  }
}
