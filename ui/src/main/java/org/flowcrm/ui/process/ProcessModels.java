package org.flowcrm.ui.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The BPMN models on the classpath ({@code classpath*:bpmn/*.bpmn}, provided by the {@code
 * processes} module at run time). Scanned on each call: there are few models and it keeps the list
 * true while developing.
 */
@Component
public class ProcessModels {

  /** Where the models are looked for. */
  public static final String LOCATION = "classpath*:bpmn/*.bpmn";

  private static final Logger log = LoggerFactory.getLogger(ProcessModels.class);
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]+");
  private static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";

  private final ResourcePatternResolver resolver;
  private final XMLInputFactory xml;

  public ProcessModels() {
    this(new PathMatchingResourcePatternResolver());
  }

  ProcessModels(ResourcePatternResolver resolver) {
    this.resolver = resolver;
    this.xml = XMLInputFactory.newFactory();
    xml.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    xml.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    xml.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
  }

  /** All models, sorted by id. */
  public List<ProcessModel> all() {
    try {
      return Arrays.stream(resolver.getResources(LOCATION))
          .filter(r -> r.getFilename() != null && r.getFilename().endsWith(".bpmn"))
          .map(this::model)
          .filter(Objects::nonNull)
          .sorted(Comparator.comparing(ProcessModel::id))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + LOCATION, e);
    }
  }

  /** The model with this id (file name without {@code .bpmn}), if there is one. */
  public Optional<ProcessModel> find(String id) {
    if (id == null || !ID.matcher(id).matches()) {
      return Optional.empty();
    }
    return all().stream().filter(m -> m.id().equals(id)).findFirst();
  }

  private ProcessModel model(Resource resource) {
    String fileName = resource.getFilename();
    String id = fileName.substring(0, fileName.length() - ".bpmn".length());
    if (!ID.matcher(id).matches()) {
      log.warn("Ignoring BPMN model with an unusable file name: {}", fileName);
      return null;
    }
    return new ProcessModel(id, processName(resource).orElse(id), fileName, resource);
  }

  /** The name of the first process in the diagram, read without loading the whole model. */
  private Optional<String> processName(Resource resource) {
    try (InputStream in = resource.getInputStream()) {
      XMLStreamReader reader = xml.createXMLStreamReader(in);
      try {
        while (reader.hasNext()) {
          if (reader.next() == XMLStreamConstants.START_ELEMENT
              && "process".equals(reader.getLocalName())
              && BPMN_NS.equals(reader.getNamespaceURI())) {
            String name = reader.getAttributeValue(null, "name");
            return Optional.ofNullable(name).map(String::strip).filter(n -> !n.isEmpty());
          }
        }
        return Optional.empty();
      } finally {
        reader.close();
      }
    } catch (IOException | XMLStreamException e) {
      log.warn("Cannot read the process name of {}: {}", resource.getFilename(), e.getMessage());
      return Optional.empty();
    }
  }
}
