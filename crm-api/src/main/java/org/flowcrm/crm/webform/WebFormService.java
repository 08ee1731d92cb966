package org.flowcrm.crm.webform;

import jakarta.validation.Valid;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.flowcrm.crm.assignment.AssignmentRuleService;
import org.flowcrm.crm.customfield.CustomFieldService;
import org.flowcrm.crm.customfield.CustomFieldView;
import org.flowcrm.crm.deal.PipelineService;
import org.flowcrm.crm.lead.LeadSource;
import org.flowcrm.crm.permission.AccessPolicy;
import org.flowcrm.crm.shared.FieldProblem;
import org.flowcrm.crm.shared.InvalidFieldException;
import org.flowcrm.crm.shared.NotFoundException;
import org.flowcrm.crm.shared.Versions;
import org.flowcrm.crm.user.UserService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Web forms: the public API of the feature (administration and public submissions). */
@Service
@Validated
public class WebFormService {

  static final String DEFAULT_BUTTON_TEXT = "Send";
  static final String DEFAULT_BUTTON_COLOR = "#1a73e8";
  static final String DEFAULT_THANK_YOU = "Thank you! We will get back to you soon.";
  private static final TypeReference<List<FormField>> FIELDS = new TypeReference<>() {};

  /** Web forms are a setting: only administrators see and change them. */
  private static final String SETTING = "WEB_FORMS";

  private static final SecureRandom RANDOM = new SecureRandom();

  /** A form with the number of its held submissions. */
  private static final String SELECT =
      "SELECT f.*, (SELECT COUNT(*) FROM crm_web_form_submission s WHERE s.form_id = f.id AND"
          + " s.status = 'HELD') AS held FROM crm_web_form f";

  private final JdbcTemplate jdbc;
  private final JsonMapper json;
  private final UserService users;
  private final AccessPolicy policy;
  private final CustomFieldService customFields;
  private final PipelineService pipelines;
  private final AssignmentRuleService assignmentRules;
  private final FormSubmissions submissions;
  private final SuspectedSpam spam;

  WebFormService(
      JdbcTemplate jdbc,
      JsonMapper json,
      UserService users,
      AccessPolicy policy,
      CustomFieldService customFields,
      PipelineService pipelines,
      AssignmentRuleService assignmentRules,
      FormSubmissions submissions,
      SuspectedSpam spam) {
    this.jdbc = jdbc;
    this.json = json;
    this.users = users;
    this.policy = policy;
    this.customFields = customFields;
    this.pipelines = pipelines;
    this.assignmentRules = assignmentRules;
    this.submissions = submissions;
    this.spam = spam;
  }

  @Transactional
  public WebFormView create(@Valid WebFormCommand command) {
    policy.requireAdministrator(SETTING);
    check(command);
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    Timestamp now = Timestamp.from(Instant.now());
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(
        connection -> {
          var s =
              connection.prepareStatement(
                  "INSERT INTO crm_web_form (public_token, name, heading, fields, consent_text,"
                      + " button_text, button_color, responsible_id, thank_you, redirect_url,"
                      + " active, target, pipeline_id, assignment_rule_id, hold_suspected_spam,"
                      + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                      + " ?, ?, ?)",
                  java.sql.Statement.RETURN_GENERATED_KEYS);
          s.setString(1, token);
          int i = bind(s, 2, command);
          s.setTimestamp(i++, now);
          s.setTimestamp(i, now);
          return s;
        },
        key);
    return get(key.getKey().longValue());
  }

  public WebFormView get(long id) {
    policy.requireAdministrator(SETTING);
    return jdbc.query(SELECT + " WHERE f.id = ?", this::view, id).stream()
        .findFirst()
        .orElseThrow(() -> new NotFoundException("Web form", id));
  }

  public List<WebFormView> list() {
    policy.requireAdministrator(SETTING);
    return jdbc.query(SELECT + " ORDER BY f.name, f.id", this::view);
  }

  @Transactional
  public WebFormView update(long id, @Valid WebFormCommand command, Long expectedVersion) {
    policy.requireAdministrator(SETTING);
    WebFormView current = get(id);
    Versions.check("Web form", id, current.version(), expectedVersion);
    check(command);
    jdbc.update(
        connection -> {
          var s =
              connection.prepareStatement(
                  "UPDATE crm_web_form SET name = ?, heading = ?, fields = ?, consent_text = ?,"
                      + " button_text = ?, button_color = ?, responsible_id = ?, thank_you = ?,"
                      + " redirect_url = ?, active = ?, target = ?, pipeline_id = ?,"
                      + " assignment_rule_id = ?, hold_suspected_spam = ?, updated_at = ?,"
                      + " version = version + 1"
                      + " WHERE id = ?");
          int i = bind(s, 1, command);
          s.setTimestamp(i++, Timestamp.from(Instant.now()));
          s.setLong(i, id);
          return s;
        });
    return get(id);
  }

  @Transactional
  public void delete(long id, Long expectedVersion) {
    policy.requireAdministrator(SETTING);
    WebFormView current = get(id);
    Versions.check("Web form", id, current.version(), expectedVersion);
    jdbc.update("DELETE FROM crm_web_form WHERE id = ?", id);
  }

  /** The active form with this public token. */
  public Optional<WebFormView> findPublic(String token) {
    if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
      return Optional.empty();
    }
    return jdbc.query(SELECT + " WHERE f.public_token = ? AND f.active", this::view, token).stream()
        .findFirst();
  }

  /**
   * Takes in a visitor's submission: checked against the form (problems named by input name, e.g.
   * {@code email}, {@code cf.budget}, {@code consent}: {@link SubmissionRejected}), then either
   * held for review (the form holds suspected spam and {@link SuspectedSpam} has reasons) or turned
   * into what the form creates: a lead (source {@link LeadSource#WEB_FORM}, the message its first
   * comment, custom field inputs {@code cf.<code>} on the lead) or a contact and a deal.
   *
   * @return whether the submission was created or held (the visitor is told the same either way)
   */
  @Transactional
  public SubmissionOutcome submit(String token, Map<String, String> params, String clientAddress) {
    WebFormView form =
        findPublic(token).orElseThrow(() -> new NotFoundException("Web form", "(public)"));
    FormSubmissions.Checked checked = submissions.check(form, inputs(form), params);
    if (form.holdSuspectedSpam()) {
      List<String> reasons = spam.reasons(token, params, Instant.now());
      if (!reasons.isEmpty()) {
        submissions.hold(form, checked, reasons, clientAddress);
        return SubmissionOutcome.HELD;
      }
    }
    submissions.create(form, checked, clientAddress, null);
    return SubmissionOutcome.CREATED;
  }

  /**
   * The assignment rule the web form that created lead {@code leadId} names, if any: lead
   * processing passes it to its assignment step as the variable {@code assignmentRuleId}.
   */
  public Optional<Long> assignmentRuleOfLead(long leadId) {
    return assignmentRuleOf("lead_id", leadId);
  }

  /** {@link #assignmentRuleOfLead} for a deal created by a "contact + deal" form. */
  public Optional<Long> assignmentRuleOfDeal(long dealId) {
    return assignmentRuleOf("deal_id", dealId);
  }

  private Optional<Long> assignmentRuleOf(String column, long id) {
    return jdbc
        .query(
            "SELECT f.assignment_rule_id FROM crm_web_form_submission s JOIN crm_web_form f ON"
                + " f.id = s.form_id WHERE s."
                + column
                + " = ? AND s.status = 'CREATED' AND f.assignment_rule_id IS NOT NULL",
            (rs, n) -> rs.getLong(1),
            id)
        .stream()
        .findFirst();
  }

  /**
   * How the public form shows its fields, in order; a custom field's input follows its type (a
   * number, a date, a checkbox, a choice of the options). Fields whose custom field was deleted
   * since are left out.
   */
  public List<FormInput> inputs(WebFormView form) {
    Map<String, CustomFieldView> definitions = customFieldsOf(form.target());
    List<FormInput> inputs = new ArrayList<>();
    for (FormField field : form.fields()) {
      if (field.field() != null) {
        LeadField f = field.field();
        inputs.add(
            new FormInput(
                f.param(),
                field.label(),
                field.required(),
                f.inputType(),
                f.maxLength(),
                List.of(),
                null));
        continue;
      }
      CustomFieldView definition = definitions.get(field.customFieldCode());
      if (definition == null) {
        continue;
      }
      inputs.add(
          switch (definition.type()) {
            case STRING -> custom(field, "text", 1000, List.of(), null);
            case NUMBER -> custom(field, "number", 40, List.of(), null);
            case DATE -> custom(field, "date", 10, List.of(), null);
            case BOOLEAN -> custom(field, "checkbox", 5, List.of(), null);
            case LIST -> custom(field, "select", 1000, definition.options(), null);
            case MONEY -> custom(field, "text", 60, List.of(), "1250.50 EUR");
          });
    }
    return inputs;
  }

  /**
   * The custom fields an administrator can put on a form of {@code target} (a lead's, or a deal's
   * for "contact + deal"), in display order.
   */
  public List<CustomFieldView> customFieldChoices(WebFormTarget target) {
    policy.requireAdministrator(SETTING);
    return customFields.list(FormSubmissions.entity(target));
  }

  private static FormInput custom(
      FormField field, String type, int maxLength, List<String> options, String placeholder) {
    return new FormInput(
        field.param(), field.label(), field.required(), type, maxLength, options, placeholder);
  }

  private Map<String, CustomFieldView> customFieldsOf(WebFormTarget target) {
    Map<String, CustomFieldView> byCode = new LinkedHashMap<>();
    customFields.list(FormSubmissions.entity(target)).forEach(f -> byCode.put(f.code(), f));
    return byCode;
  }

  private void check(WebFormCommand command) {
    users.requireActive(command.responsibleId(), "responsibleId");
    WebFormTarget target = command.targetOrLead();
    String kind = target == WebFormTarget.LEAD ? "lead" : "deal";
    List<FieldProblem> problems = new ArrayList<>();
    if (command.assignmentRuleId() != null) {
      if (command.responsibleId() != null) {
        problems.add(
            new FieldProblem(
                "assignmentRuleId",
                "give either responsibleId (a fixed user) or assignmentRuleId, not both"));
      } else if (!assignmentRules.exists(command.assignmentRuleId())) {
        problems.add(
            new FieldProblem(
                "assignmentRuleId",
                "assignment rule " + command.assignmentRuleId() + " does not exist"));
      }
    }
    if (command.pipelineId() != null) {
      if (target != WebFormTarget.CONTACT_AND_DEAL) {
        problems.add(
            new FieldProblem(
                "pipelineId", "is only for target CONTACT_AND_DEAL (a lead has no pipeline)"));
      } else if (pipelines.list().stream().noneMatch(p -> p.id() == command.pipelineId())) {
        problems.add(
            new FieldProblem("pipelineId", "pipeline " + command.pipelineId() + " does not exist"));
      }
    }
    Set<String> seen = new HashSet<>();
    Map<String, CustomFieldView> custom = customFieldsOf(target);
    for (int i = 0; i < command.fields().size(); i++) {
      FormField field = command.fields().get(i);
      if ((field.field() == null) == (field.customField() == null)) {
        problems.add(
            new FieldProblem(
                "fields[" + i + "]",
                "give either field (a lead field) or customField (cf.<code>), not "
                    + (field.field() == null ? "neither" : "both")));
        continue;
      }
      if (field.customField() != null && !custom.containsKey(field.customFieldCode())) {
        problems.add(
            new FieldProblem(
                "fields[" + i + "].customField",
                custom.isEmpty()
                    ? kind + "s have no custom fields"
                    : "is not a "
                        + kind
                        + " custom field; known: "
                        + custom.keySet().stream().map(c -> FormField.CUSTOM_PREFIX + c).toList()));
        continue;
      }
      if (!seen.add(field.param())) {
        problems.add(
            new FieldProblem(
                "fields[" + i + "]." + (field.field() != null ? "field" : "customField"),
                "is already in the form"));
      }
    }
    if (target == WebFormTarget.CONTACT_AND_DEAL) {
      // a new deal must have its required custom fields: the visitor is the only one to ask
      for (CustomFieldView field : custom.values()) {
        boolean asked =
            command.fields().stream()
                .anyMatch(
                    f ->
                        f.required()
                            && (FormField.CUSTOM_PREFIX + field.code()).equals(f.customField()));
        if (field.required() && !asked) {
          problems.add(
              new FieldProblem(
                  "fields",
                  "deals require custom field "
                      + FormField.CUSTOM_PREFIX
                      + field.code()
                      + " ("
                      + field.label()
                      + "): add it to the form as required"));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidFieldException(problems);
    }
  }

  private int bind(java.sql.PreparedStatement s, int i, WebFormCommand c) throws SQLException {
    s.setString(i++, c.name());
    s.setString(i++, c.heading());
    s.setString(i++, json.writeValueAsString(c.fields()));
    s.setString(i++, c.consentText());
    s.setString(
        i++,
        c.buttonText() == null || c.buttonText().isBlank() ? DEFAULT_BUTTON_TEXT : c.buttonText());
    s.setString(
        i++, c.buttonColor() == null ? DEFAULT_BUTTON_COLOR : c.buttonColor().toLowerCase());
    if (c.responsibleId() == null) {
      s.setNull(i++, java.sql.Types.BIGINT);
    } else {
      s.setLong(i++, c.responsibleId());
    }
    s.setString(i++, c.thankYouMessage());
    s.setString(i++, c.redirectUrl());
    s.setBoolean(i++, c.active() == null || c.active());
    s.setString(i++, c.targetOrLead().name());
    setLong(s, i++, c.targetOrLead() == WebFormTarget.CONTACT_AND_DEAL ? c.pipelineId() : null);
    setLong(s, i++, c.assignmentRuleId());
    s.setBoolean(i++, Boolean.TRUE.equals(c.holdSuspectedSpam()));
    return i;
  }

  private static void setLong(java.sql.PreparedStatement s, int i, Long value) throws SQLException {
    if (value == null) {
      s.setNull(i, java.sql.Types.BIGINT);
    } else {
      s.setLong(i, value);
    }
  }

  private WebFormView view(ResultSet rs, int n) throws SQLException {
    String token = rs.getString("public_token");
    Long responsible = rs.getObject("responsible_id", Long.class);
    return new WebFormView(
        rs.getLong("id"),
        rs.getLong("version"),
        rs.getString("name"),
        rs.getString("heading"),
        json.readValue(rs.getString("fields"), FIELDS),
        rs.getString("consent_text"),
        rs.getString("button_text"),
        rs.getString("button_color"),
        responsible,
        rs.getString("thank_you"),
        rs.getString("redirect_url"),
        rs.getBoolean("active"),
        token,
        "/public/forms/" + token,
        rs.getLong("submissions"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant(),
        null,
        null,
        WebFormTarget.valueOf(rs.getString("target")),
        rs.getObject("pipeline_id", Long.class),
        rs.getObject("assignment_rule_id", Long.class),
        rs.getBoolean("hold_suspected_spam"),
        rs.getLong("held"));
  }
}
