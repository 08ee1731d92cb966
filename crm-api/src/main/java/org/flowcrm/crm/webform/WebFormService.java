package org.flowcrm.crm.webform;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.flowcrm.crm.customfield.CustomFieldService;
import org.flowcrm.crm.customfield.CustomFieldView;
import org.flowcrm.crm.customfield.CustomizableEntity;
import org.flowcrm.crm.lead.LeadCommand;
import org.flowcrm.crm.lead.LeadService;
import org.flowcrm.crm.lead.LeadSource;
import org.flowcrm.crm.permission.AccessPolicy;
import org.flowcrm.crm.permission.SystemUser;
import org.flowcrm.crm.shared.Address;
import org.flowcrm.crm.shared.Email;
import org.flowcrm.crm.shared.EmailType;
import org.flowcrm.crm.shared.FieldProblem;
import org.flowcrm.crm.shared.InvalidFieldException;
import org.flowcrm.crm.shared.NotFoundException;
import org.flowcrm.crm.shared.Phone;
import org.flowcrm.crm.shared.PhoneType;
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

  private final JdbcTemplate jdbc;
  private final JsonMapper json;
  private final UserService users;
  private final LeadService leads;
  private final Validator validator;
  private final AccessPolicy policy;
  private final SystemUser systemUser;
  private final CustomFieldService customFields;

  WebFormService(
      JdbcTemplate jdbc,
      JsonMapper json,
      UserService users,
      LeadService leads,
      Validator validator,
      AccessPolicy policy,
      SystemUser systemUser,
      CustomFieldService customFields) {
    this.jdbc = jdbc;
    this.json = json;
    this.users = users;
    this.leads = leads;
    this.validator = validator;
    this.policy = policy;
    this.systemUser = systemUser;
    this.customFields = customFields;
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
                      + " active, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                      + " ?, ?)",
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
    return jdbc.query("SELECT * FROM crm_web_form WHERE id = ?", this::view, id).stream()
        .findFirst()
        .orElseThrow(() -> new NotFoundException("Web form", id));
  }

  public List<WebFormView> list() {
    policy.requireAdministrator(SETTING);
    return jdbc.query("SELECT * FROM crm_web_form ORDER BY name, id", this::view);
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
                      + " redirect_url = ?, active = ?, updated_at = ?, version = version + 1"
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
    return jdbc
        .query("SELECT * FROM crm_web_form WHERE public_token = ? AND active", this::view, token)
        .stream()
        .findFirst();
  }

  /**
   * Turns a submission into a lead (source {@link LeadSource#WEB_FORM}, the form's responsible
   * user); the message, if the form asks for one, becomes the lead's first comment and custom field
   * inputs ({@code cf.<code>}) fill the lead's custom fields, checked by the fields' types.
   * Problems are named by input name ({@code email}, {@code cf.budget}, {@code consent}).
   */
  @Transactional
  public void submit(String token, Map<String, String> params) {
    WebFormView form =
        findPublic(token).orElseThrow(() -> new NotFoundException("Web form", "(public)"));
    Map<LeadField, String> values = new EnumMap<>(LeadField.class);
    Map<String, Object> custom = new LinkedHashMap<>();
    Map<String, FormInput> inputs = new LinkedHashMap<>();
    inputs(form).forEach(input -> inputs.put(input.name(), input));
    List<FieldProblem> problems = new ArrayList<>();
    for (FormField field : form.fields()) {
      FormInput input = inputs.get(field.param());
      if (input == null) {
        continue; // its custom field was deleted since: the form goes on without it
      }
      String raw = params.get(field.param());
      String value = raw == null ? "" : raw.strip();
      if (value.isEmpty()) {
        if (field.required()) {
          problems.add(new FieldProblem(field.param(), field.label() + " is required"));
        }
        continue;
      }
      if (value.length() > input.maxLength()) {
        problems.add(
            new FieldProblem(
                field.param(),
                field.label() + " is too long (at most " + input.maxLength() + " characters)"));
        continue;
      }
      if (field.field() != null) {
        values.put(field.field(), value);
      } else {
        custom.put(field.customFieldCode(), value);
      }
    }
    try {
      // typed as the custom fields are (a number, a date, one of the options), said per input
      custom = customFields.normalise(CustomizableEntity.LEAD, custom);
    } catch (InvalidFieldException invalid) {
      for (FieldProblem problem : invalid.problems()) {
        String param =
            FormField.CUSTOM_PREFIX + problem.field().substring("customFields.".length());
        problems.add(new FieldProblem(param, inputs.get(param).label() + " " + problem.message()));
      }
    }
    if (form.consentText() != null
        && !form.consentText().isBlank()
        && params.get("consent") == null) {
      problems.add(new FieldProblem("consent", "Please give your consent to send the form"));
    }
    if (!problems.isEmpty()) {
      throw new SubmissionRejected(problems);
    }
    LeadCommand command = command(form, values, custom);
    Set<ConstraintViolation<LeadCommand>> violations = validator.validate(command);
    for (ConstraintViolation<LeadCommand> violation : violations) {
      String path = violation.getPropertyPath().toString();
      LeadField field =
          path.startsWith("emails")
              ? LeadField.EMAIL
              : path.startsWith("phones")
                  ? LeadField.PHONE
                  : path.startsWith("address.country") ? LeadField.COUNTRY : null;
      String label =
          form.fields().stream()
              .filter(f -> field != null && f.field() == field)
              .map(FormField::label)
              .findFirst()
              .orElse("A field");
      problems.add(
          new FieldProblem(
              field == null ? path : field.param(), label + " " + violation.getMessage()));
    }
    if (!problems.isEmpty()) {
      throw new SubmissionRejected(problems);
    }
    // A visitor of a website is nobody in the CRM: the lead is created by the system user.
    systemUser.runAs(
        () -> {
          long leadId = leads.create(command).id();
          if (values.containsKey(LeadField.MESSAGE)) {
            leads.addComment(leadId, values.get(LeadField.MESSAGE));
          }
        });
    jdbc.update("UPDATE crm_web_form SET submissions = submissions + 1 WHERE id = ?", form.id());
  }

  private static LeadCommand command(
      WebFormView form, Map<LeadField, String> v, Map<String, Object> custom) {
    String person =
        String.join(
                " ",
                Stream.of(v.get(LeadField.FIRST_NAME), v.get(LeadField.LAST_NAME))
                    .filter(s -> s != null)
                    .toList())
            .trim();
    String who =
        !person.isEmpty()
            ? person
            : v.containsKey(LeadField.COMPANY_NAME)
                ? v.get(LeadField.COMPANY_NAME)
                : v.getOrDefault(LeadField.EMAIL, v.getOrDefault(LeadField.PHONE, "anonymous"));
    String title = form.name() + ": " + who;
    Address address =
        Stream.of(LeadField.STREET, LeadField.CITY, LeadField.POSTAL_CODE, LeadField.COUNTRY)
                .anyMatch(v::containsKey)
            ? new Address(
                v.get(LeadField.STREET),
                v.get(LeadField.CITY),
                null,
                v.get(LeadField.POSTAL_CODE),
                v.get(LeadField.COUNTRY) == null
                    ? null
                    : v.get(LeadField.COUNTRY).toUpperCase(java.util.Locale.ROOT))
            : null;
    return new LeadCommand(
        title.length() > 255 ? title.substring(0, 255) : title,
        v.get(LeadField.FIRST_NAME),
        v.get(LeadField.LAST_NAME),
        v.get(LeadField.COMPANY_NAME),
        v.get(LeadField.POSITION),
        address,
        LeadSource.WEB_FORM,
        null,
        form.responsibleId(),
        v.containsKey(LeadField.PHONE)
            ? List.of(new Phone(PhoneType.WORK, v.get(LeadField.PHONE)))
            : List.of(),
        v.containsKey(LeadField.EMAIL)
            ? List.of(new Email(EmailType.WORK, v.get(LeadField.EMAIL)))
            : List.of(),
        List.of(),
        custom.isEmpty() ? null : custom);
  }

  /**
   * How the public form shows its fields, in order; a custom field's input follows its type (a
   * number, a date, a checkbox, a choice of the options). Fields whose custom field was deleted
   * since are left out.
   */
  public List<FormInput> inputs(WebFormView form) {
    Map<String, CustomFieldView> definitions = leadCustomFields();
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

  /** The custom fields of leads an administrator can put on a form, in display order. */
  public List<CustomFieldView> leadCustomFieldChoices() {
    policy.requireAdministrator(SETTING);
    return customFields.list(CustomizableEntity.LEAD);
  }

  private static FormInput custom(
      FormField field, String type, int maxLength, List<String> options, String placeholder) {
    return new FormInput(
        field.param(), field.label(), field.required(), type, maxLength, options, placeholder);
  }

  private Map<String, CustomFieldView> leadCustomFields() {
    Map<String, CustomFieldView> byCode = new LinkedHashMap<>();
    customFields.list(CustomizableEntity.LEAD).forEach(f -> byCode.put(f.code(), f));
    return byCode;
  }

  private void check(WebFormCommand command) {
    users.requireActive(command.responsibleId(), "responsibleId");
    Set<String> seen = new HashSet<>();
    List<FieldProblem> problems = new ArrayList<>();
    Map<String, CustomFieldView> custom = leadCustomFields();
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
                    ? "leads have no custom fields"
                    : "is not a lead custom field; known: "
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
    return i;
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
        null);
  }
}
