package org.flowcrm.crm.shared;

import freemarker.core.HTMLOutputFormat;
import freemarker.core.OutputFormat;
import freemarker.core.ParseException;
import freemarker.core.PlainTextOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Freemarker for templates that users edit at runtime (mail) or that render customer documents
 * (invoice PDF). Sandboxed: {@code ?new} may instantiate nothing, {@code ?api} is off, and the
 * model is plain maps, lists, strings, numbers and booleans (see {@link #model}), so a template can
 * read data but never call into Java. HTML templates escape every {@code ${…}}.
 */
public final class SandboxedTemplates {

  private static final Configuration HTML = configuration(HTMLOutputFormat.INSTANCE);
  private static final Configuration TEXT = configuration(PlainTextOutputFormat.INSTANCE);

  private SandboxedTemplates() {}

  /** A template whose output is HTML (values are escaped) or plain text (a mail subject). */
  public static Template parse(String name, String source, boolean html) throws ParseException {
    try {
      return new Template(name, new StringReader(source), html ? HTML : TEXT);
    } catch (ParseException e) {
      throw e;
    } catch (IOException e) {
      throw new IllegalStateException("Reading a template from a string failed", e);
    }
  }

  /** Freemarker's own message for a template that does not parse, with line and column. */
  public static String problem(ParseException e) {
    return e.getEditorMessage()
        + " (line "
        + e.getLineNumber()
        + ", column "
        + e.getColumnNumber()
        + ")";
  }

  /**
   * Renders the template with the model in the given locale. A template that reads a missing value
   * fails with Freemarker's message, naming the expression.
   */
  public static String render(Template template, Map<String, Object> model, Locale locale) {
    StringWriter out = new StringWriter();
    try {
      freemarker.core.Environment env = template.createProcessingEnvironment(model, out);
      env.setLocale(locale);
      env.process();
    } catch (TemplateException e) {
      throw new TemplateRenderingException(template.getName(), e.getMessageWithoutStackTop());
    } catch (IOException e) {
      throw new IllegalStateException("Writing a template to a string failed", e);
    }
    return out.toString();
  }

  /**
   * Turns a view (a record) into what a template may see: maps, lists, strings, numbers (as {@link
   * java.math.BigDecimal} or long), booleans; dates as ISO strings; null values left out, so {@code
   * x??} and {@code x!"default"} work.
   */
  public static Map<String, Object> model(JsonMapper json, Object view) {
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) plain(json.valueToTree(view));
    return map;
  }

  private static Object plain(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        Object value = plain(field.getValue());
        if (value != null) {
          map.put(field.getKey(), value);
        }
      }
      return map;
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      node.forEach(item -> list.add(plain(item)));
      return list;
    }
    if (node.isIntegralNumber()) {
      return node.longValue();
    }
    if (node.isNumber()) {
      return node.decimalValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    return node.asString();
  }

  private static Configuration configuration(OutputFormat format) {
    Configuration c = new Configuration(Configuration.VERSION_2_3_34);
    c.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
    c.setAPIBuiltinEnabled(false);
    c.setOutputFormat(format);
    c.setAutoEscapingPolicy(Configuration.ENABLE_IF_DEFAULT_AUTO_ESCAPING_POLICY);
    c.setObjectWrapper(new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34).build());
    c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    c.setLogTemplateExceptions(false);
    c.setWrapUncheckedExceptions(true);
    c.setFallbackOnNullLoopVariable(false);
    c.setDefaultEncoding("UTF-8");
    // money reads as 1200.00, quantities as 2.00 or 0.125; no grouping that differs by locale
    c.setNumberFormat("0.00##");
    c.setLocale(Locale.ENGLISH);
    return c;
  }

  /** A template that parsed but failed while rendering (e.g. it reads a value that is missing). */
  public static class TemplateRenderingException extends RuntimeException {
    public TemplateRenderingException(String template, String message) {
      super("Template " + template + " failed: " + message);
    }
  }
}
