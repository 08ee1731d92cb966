package org.flowcrm.crm.mail;

import freemarker.core.ParseException;
import freemarker.template.Template;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.flowcrm.crm.permission.AccessPolicy;
import org.flowcrm.crm.shared.BadParameterException;
import org.flowcrm.crm.shared.ConflictException;
import org.flowcrm.crm.shared.InvalidFieldException;
import org.flowcrm.crm.shared.NotFoundException;
import org.flowcrm.crm.shared.SandboxedTemplates;
import org.flowcrm.crm.shared.Versions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Mail templates: the public API of the feature's templates. A template that does not parse is
 * refused (400 naming {@code subject} or {@code body} with Freemarker's message), so what is stored
 * always renders.
 *
 * <p>Every signed-in user reads them (he picks one to send); only administrators create, change or
 * delete them, like the other settings.
 */
@Service
@Validated
@Transactional(readOnly = true)
public class MailTemplateService {

  static final String SETTING = "MAIL_TEMPLATES";

  private final MailTemplates templates;
  private final AccessPolicy policy;

  MailTemplateService(MailTemplates templates, AccessPolicy policy) {
    this.templates = templates;
    this.policy = policy;
  }

  public List<MailTemplateView> list() {
    return templates.findAllByOrderByCodeAscLocaleAsc().stream().map(MailTemplateView::of).toList();
  }

  public MailTemplateView get(long id) {
    return MailTemplateView.of(require(id));
  }

  @Transactional
  public MailTemplateView create(@Valid MailTemplateCommand command) {
    policy.requireAdministrator(SETTING);
    return insert(command);
  }

  /**
   * Adds a default template at start-up. Not guarded: there is no signed-in user then, and the
   * system user is deliberately no administrator (processes do not change settings).
   */
  @Transactional
  MailTemplateView insertDefault(@Valid MailTemplateCommand command) {
    return insert(command);
  }

  private MailTemplateView insert(MailTemplateCommand command) {
    check(command);
    if (templates.findByCodeAndLocale(command.code(), command.effectiveLocale()).isPresent()) {
      throw new ConflictException(
          "A template "
              + command.code()
              + " in locale "
              + command.effectiveLocale()
              + " exists already; change that one");
    }
    return MailTemplateView.of(templates.saveAndFlush(new MailTemplate(command)));
  }

  @Transactional
  public MailTemplateView update(
      long id, @Valid MailTemplateCommand command, Long expectedVersion) {
    policy.requireAdministrator(SETTING);
    MailTemplate template = require(id);
    Versions.check("Mail template", id, template.getVersion(), expectedVersion);
    check(command);
    template.update(command);
    return MailTemplateView.of(templates.saveAndFlush(template));
  }

  @Transactional
  public void delete(long id, Long expectedVersion) {
    policy.requireAdministrator(SETTING);
    MailTemplate template = require(id);
    Versions.check("Mail template", id, template.getVersion(), expectedVersion);
    templates.delete(template);
  }

  /**
   * The template for {@code code} in {@code locale}, else in its language ({@code de} for {@code
   * de-AT}), else in the default locale, else any.
   */
  public MailTemplateView find(String code, String locale) {
    String wanted = locale == null ? MailTemplateCommand.DEFAULT_LOCALE : locale;
    String language = wanted.contains("-") ? wanted.substring(0, wanted.indexOf('-')) : wanted;
    for (String candidate : List.of(wanted, language, MailTemplateCommand.DEFAULT_LOCALE)) {
      var found = templates.findByCodeAndLocale(code, candidate);
      if (found.isPresent()) {
        return MailTemplateView.of(found.get());
      }
    }
    return templates.findByCodeOrderByLocale(code).stream()
        .findFirst()
        .map(MailTemplateView::of)
        .orElseThrow(() -> new NotFoundException("Mail template", code));
  }

  /**
   * Subject and HTML body of the template rendered with the model. A template that fails (it reads
   * a value this record does not have, or tries what the sandbox forbids) is refused naming {@code
   * template} (422), with Freemarker's message.
   */
  public RenderedMail render(MailTemplateView template, Map<String, Object> model) {
    Locale locale = Locale.forLanguageTag(template.locale());
    try {
      String subject =
          SandboxedTemplates.render(
              parse(template.code() + ".subject", template.subject(), false, "subject"),
              model,
              locale);
      String body =
          SandboxedTemplates.render(
              parse(template.code() + ".body", template.body(), true, "body"), model, locale);
      // a subject is one line: a template's line breaks must not become extra headers
      return new RenderedMail(subject.replaceAll("\\s+", " ").strip(), body);
    } catch (SandboxedTemplates.TemplateRenderingException e) {
      throw new InvalidFieldException(
          "template",
          "mail template " + template.code() + " (" + template.locale() + "): " + e.getMessage());
    }
  }

  private static void check(MailTemplateCommand command) {
    parse(command.code() + ".subject", command.subject(), false, "subject");
    parse(command.code() + ".body", command.body(), true, "body");
  }

  private static Template parse(String name, String source, boolean html, String field) {
    try {
      return SandboxedTemplates.parse(name, source, html);
    } catch (ParseException e) {
      throw new BadParameterException(
          field, "is not a valid Freemarker template: " + SandboxedTemplates.problem(e));
    }
  }

  private MailTemplate require(long id) {
    return templates.findById(id).orElseThrow(() -> new NotFoundException("Mail template", id));
  }
}
