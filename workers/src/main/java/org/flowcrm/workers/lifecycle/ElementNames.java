package org.flowcrm.workers.lifecycle;

import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.flowcrm.processes.ProcessIds;
import org.springframework.stereotype.Component;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The names of BPMN elements ("Qualify lead" for {@code qualify-lead}), read once per process from
 * the models of the {@code processes} module on the classpath. A job tells its element id but not
 * its name, and asking the engine for the model at every step would be slow; a model changed only
 * in the engine (not in {@code processes}) shows ids without names until the next release.
 */
@Component
public class ElementNames {

  private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";

  private final Map<String, Map<String, String>> byProcess = new ConcurrentHashMap<>();

  /** The element's name, or {@code null} when the model or element is unknown or unnamed. */
  public String of(String processId, String elementId) {
    if (processId == null || elementId == null) {
      return null;
    }
    return byProcess.computeIfAbsent(processId, ElementNames::read).get(elementId);
  }

  private static Map<String, String> read(String processId) {
    ClassLoader loader = ElementNames.class.getClassLoader();
    try (InputStream model = loader.getResourceAsStream(ProcessIds.resource(processId))) {
      if (model == null) {
        return Map.of();
      }
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      NodeList elements =
          factory.newDocumentBuilder().parse(model).getElementsByTagNameNS(BPMN, "*");
      Map<String, String> names = new ConcurrentHashMap<>();
      for (int i = 0; i < elements.getLength(); i++) {
        Element element = (Element) elements.item(i);
        String id = element.getAttribute("id");
        String name = element.getAttribute("name");
        if (!id.isEmpty() && !name.isBlank()) {
          names.put(id, name);
        }
      }
      return names;
    } catch (Exception e) {
      throw new IllegalStateException("Cannot read the model of process " + processId, e);
    }
  }
}
