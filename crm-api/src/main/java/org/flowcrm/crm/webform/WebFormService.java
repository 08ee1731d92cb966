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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
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

  WebFormService(
      JdbcTemplate jdbc,
      JsonMapper json,
      UserService users,
      LeadService leads,
      Validator validator,
      AccessPolicy policy,
      SystemUser systemUser) {
    this.jdbc = jdbc;
    this.json = json;
    this.users = users;
    this.leads = leads;
    this.validator = validator;
    this.policy = policy;
    this.systemUser = systemUser;
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
   * user); the message, if the form asks for one, becomes the lead's first comment. Problems are
   * named by input name ({@code email}, {@code consent}).
   */
  @Transactional
  public void submit(String token, Map<String, String> params) {
    WebFormView form =
        findPublic(token).orElseThrow(() -> new NotFoundException("Web form", "(public)"));
    Map<LeadField, String> values = new EnumMap<>(LeadField.class);
    List<FieldProblem> problems = new ArrayList<>();
    for (FormField field : form.fields()) {
      String raw = params.get(field.field().param());
      String value = raw == null ? "" : raw.strip();
      if (value.isEmpty()) {
        if (field.required()) {
          problems.add(new FieldProblem(field.field().param(), field.label() + " is required"));
        }
        continue;
      }
      if (value.length() > field.field().maxLength()) {
        problems.add(
            new FieldProblem(
                field.field().param(),
                field.label()
                    + " is too long (at most "
                    + field.field().maxLength()
                    + " characters)"));
        continue;
      }
      values.put(field.field(), value);
    }
    if (form.consentText() != null
        && !form.consentText().isBlank()
        && params.get("consent") == null) {
      problems.add(new FieldProblem("consent", "Please give your consent to send the form"));
    }
    if (!problems.isEmpty()) {
      throw new SubmissionRejected(problems);
    }
    LeadCommand command = command(form, values);
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
              .filter(f -> f.field() == field)
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

  private static LeadCommand command(WebFormView form, Map<LeadField, String> v) {
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
        List.of());
  }

  private void check(WebFormCommand command) {
    users.requireActive(command.responsibleId(), "responsibleId");
    Set<LeadField> seen = new HashSet<>();
    List<FieldProblem> problems = new ArrayList<>();
    for (int i = 0; i < command.fields().size(); i++) {
      if (!seen.add(command.fields().get(i).field())) {
        problems.add(new FieldProblem("fields[" + i + "].field", "is already in the form"));
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
