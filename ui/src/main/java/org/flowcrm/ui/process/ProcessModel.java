package org.flowcrm.ui.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.Resource;

/**
 * A BPMN model found on the classpath under {@code bpmn/}.
 *
 * @param id the file name without {@code .bpmn}; by convention also the process id
 * @param name the process's name in the diagram, or the id when it has none
 * @param fileName the resource's file name, used as the resource name when deploying
 * @param resource where the XML is read from
 */
public record ProcessModel(String id, String name, String fileName, Resource resource) {

  /** The model's XML as stored on the classpath. */
  public String xml() {
    try (InputStream in = resource.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + fileName, e);
    }
  }
}
