package org.flowcrm.processes;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Finds the FEEL expressions ({@code =...}) of a BPMN model and parses them with the FEEL engine.
 */
final class Feel {

  private static final FeelEngineApi ENGINE = FeelEngineBuilder.forJava().build();

  record Found(String where, String expression) {}

  /** Every attribute value or element text starting with {@code =}. */
  static List<Found> expressionsIn(String xml) {
    List<Found> found = new ArrayList<>();
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      Element root =
          factory
              .newDocumentBuilder()
              .parse(new InputSource(new StringReader(xml)))
              .getDocumentElement();
      collect(root, found);
    } catch (ParserConfigurationException | SAXException | IOException e) {
      throw new IllegalStateException(e);
    }
    return found;
  }

  private static void collect(Element element, List<Found> found) {
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Node attribute = attributes.item(i);
      if (attribute.getNodeValue().startsWith("=")) {
        found.add(
            new Found(describe(element) + "@" + attribute.getNodeName(), attribute.getNodeValue()));
      }
    }
    NodeList children = element.getChildNodes();
    boolean hasElements = false;
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element child) {
        hasElements = true;
        collect(child, found);
      }
    }
    String text = element.getTextContent().strip();
    if (!hasElements && text.startsWith("=")) {
      found.add(new Found(describe(element), text));
    }
  }

  private static String describe(Element element) {
    Node node = element;
    while (node instanceof Element e && e.getAttribute("id").isEmpty()) {
      node = e.getParentNode();
    }
    String owner = node instanceof Element e ? e.getAttribute("id") : "?";
    return owner + "/" + element.getLocalName();
  }

  /** Null when the expression (with its leading {@code =}) parses, else the parser's message. */
  static String parseError(String expression) {
    ParseResult result = ENGINE.parseExpression(expression.substring(1));
    return result.isSuccess() ? null : result.failure().message();
  }

  /** Evaluates an expression (with its leading {@code =}); fails the test when it fails. */
  static Object evaluate(String expression, java.util.Map<String, Object> variables) {
    EvaluationResult result = ENGINE.evaluateExpression(expression.substring(1), variables);
    if (!result.isSuccess()) {
      throw new AssertionError(expression + ": " + result.failure().message());
    }
    return result.result();
  }

  private Feel() {}
}
