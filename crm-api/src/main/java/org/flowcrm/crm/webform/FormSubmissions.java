package org.flowcrm.crm.webform;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.flowcrm.crm.contact.ContactCommand;
import org.flowcrm.crm.contact.ContactService;
import org.flowcrm.crm.contact.ContactView;
import org.flowcrm.crm.customfield.CustomFieldService;
import org.flowcrm.crm.customfield.CustomizableEntity;
import org.flowcrm.crm.deal.DealCommand;
import org.flowcrm.crm.deal.DealService;
import org.flowcrm.crm.lead.LeadCommand;
import org.flowcrm.crm.lead.LeadService;
import org.flowcrm.crm.lead.LeadSource;
import org.flowcrm.crm.permission.SystemUser;
import org.flowcrm.crm.shared.Address;
import org.flowcrm.crm.shared.Email;
import org.flowcrm.crm.shared.EmailType;
import org.flowcrm.crm.shared.FieldProblem;
import org.flowcrm.crm.shared.InvalidFieldException;
import org.flowcrm.crm.shared.Phone;
import org.flowcrm.crm.shared.PhoneType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a form's inputs into what the form creates, for a visitor's submission and for an accepted
 * held one alike: checks the inputs ({@link #check}), then creates the lead, or the contact and
 * deal, as the system user ({@link #create}), and records the submission so the processes can find
 * the form's assignment rule.
 */
@Component
class FormSubmissions {

  private static final TypeReference<Map<String, String>> VALUES = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final LeadService leads;
  private final ContactService contacts;
  private final DealService deals;
  private final CustomFieldService customFields;
  private final Validator validator;
  private final SystemUser systemUser;

  FormSubmissions(
      JdbcClient jdbc,
      JsonMapper json,
      LeadService leads,
      ContactService contacts,
      DealService deals,
      CustomFieldService customFields,
      Validator validator,
      SystemUser systemUser) {
    this.jdbc = jdbc;
    this.json = json;
    this.leads = leads;
    this.contacts = contacts;
    this.deals = deals;
    this.customFields = customFields;
    this.validator = validator;
    this.systemUser = systemUser;
  }

  /** A submission's checked inputs: the person fields, the custom fields, all kept inputs. */
  record Checked(
      Map<LeadField, String> values, Map<String, Object> custom, Map<String, String> kept) {}

  /** What a submission created: the lead, or the contact and the deal. */
  record Created(Long leadId, Long contactId, Long dealId) {}

  /** The custom fields a form of {@code target} fills. */
  static CustomizableEntity entity(WebFormTarget target) {
    return target == WebFormTarget.CONTACT_AND_DEAL
        ? CustomizableEntity.DEAL
        : CustomizableEntity.LEAD;
  }

  /**
   * The inputs checked against the form: required, length, custom field types, consent, e-mail and
   * phone formats. Problems are named by input name ({@code email}, {@code cf.budget}, {@code
   * consent}).
   */
  Checked check(WebFormView form, List<FormInput> formInputs, Map<String, String> params) {
    Map<LeadField, String> values = new EnumMap<>(LeadField.class);
    Map<String, Object> custom = new LinkedHashMap<>();
    Map<String, String> kept = new LinkedHashMap<>();
    Map<String, FormInput> inputs = new LinkedHashMap<>();
    formInputs.forEach(input -> inputs.put(input.name(), input));
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
      kept.put(field.param(), value);
      if (field.field() != null) {
        values.put(field.field(), value);
      } else {
        custom.put(field.customFieldCode(), value);
      }
    }
    try {
      // typed as the custom fields are (a number, a date, one of the options), said per input
      custom = customFields.normalise(entity(form.target()), custom);
    } catch (InvalidFieldException invalid) {
      for (FieldProblem problem : invalid.problems()) {
        String param =
            FormField.CUSTOM_PREFIX + problem.field().substring("customFields.".length());
        problems.add(new FieldProblem(param, inputs.get(param).label() + " " + problem.message()));
      }
    }
    if (form.consentText() != null && !form.consentText().isBlank()) {
      if (params.get("consent") == null) {
        problems.add(new FieldProblem("consent", "Please give your consent to send the form"));
      } else {
        kept.put("consent", params.get("consent"));
      }
    }
    if (!problems.isEmpty()) {
      throw new SubmissionRejected(problems);
    }
    // e-mail, phone and country formats: the lead's own checks say it for both targets
    Set<ConstraintViolation<LeadCommand>> violations =
        validator.validate(leadCommand(form, values, Map.of()));
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
    return new Checked(values, custom, kept);
  }

  /**
   * Creates what the form creates, as the system user (a visitor of a website is nobody in the
   * CRM), and records the submission as {@code CREATED}: a new row, or the held row {@code heldId}.
   */
  Created create(WebFormView form, Checked in, String clientAddress, Long heldId) {
    Created created =
        systemUser.runAs(
            () ->
                form.target() == WebFormTarget.CONTACT_AND_DEAL
                    ? contactAndDeal(form, in)
                    : lead(form, in));
    Timestamp now = Timestamp.from(Instant.now());
    if (heldId == null) {
      jdbc.sql(
              "INSERT INTO crm_web_form_submission (form_id, status, client_address, lead_id,"
                  + " contact_id, deal_id, received_at, decided_at) VALUES (:form, 'CREATED',"
                  + " :address, :lead, :contact, :deal, :now, :now)")
          .param("form", form.id())
          .param("address", clientAddress)
          .param("lead", created.leadId())
          .param("contact", created.contactId())
          .param("deal", created.dealId())
          .param("now", now)
          .update();
    } else {
      jdbc.sql(
              "UPDATE crm_web_form_submission SET status = 'CREATED', data = NULL, lead_id = :lead,"
                  + " contact_id = :contact, deal_id = :deal, decided_at = :now WHERE id = :id")
          .param("lead", created.leadId())
          .param("contact", created.contactId())
          .param("deal", created.dealId())
          .param("now", now)
          .param("id", heldId)
          .update();
    }
    jdbc.sql("UPDATE crm_web_form SET submissions = submissions + 1 WHERE id = :id")
        .param("id", form.id())
        .update();
    return created;
  }

  /** Keeps a suspected submission for review; nothing is created. */
  void hold(WebFormView form, Checked in, List<String> reasons, String clientAddress) {
    String why = String.join("; ", reasons);
    jdbc.sql(
            "INSERT INTO crm_web_form_submission (form_id, status, data, reasons, client_address,"
                + " received_at) VALUES (:form, 'HELD', :data, :reasons, :address, :now)")
        .param("form", form.id())
        .param("data", json.writeValueAsString(in.kept()))
        .param("reasons", why.length() > 2000 ? why.substring(0, 2000) : why)
        .param("address", clientAddress)
        .param("now", Timestamp.from(Instant.now()))
        .update();
  }

  /** The kept inputs of a held submission. */
  Map<String, String> values(String data) {
    return data == null ? Map.of() : json.readValue(data, VALUES);
  }

  private Created lead(WebFormView form, Checked in) {
    long leadId = leads.create(leadCommand(form, in.values(), in.custom())).id();
    if (in.values().containsKey(LeadField.MESSAGE)) {
      leads.addComment(leadId, in.values().get(LeadField.MESSAGE));
    }
    return new Created(leadId, null, null);
  }

  /**
   * The contact with the submitted e-mail (else phone) when one exists, a new one otherwise; a deal
   * in the form's pipeline linked to it, whose deal execution starts after the commit as for any
   * new deal. The company name and the message, which a contact has no place for, become the deal's
   * first comment.
   */
  private Created contactAndDeal(WebFormView form, Checked in) {
    Map<LeadField, String> v = in.values();
    List<String> emails =
        v.containsKey(LeadField.EMAIL) ? List.of(v.get(LeadField.EMAIL)) : List.of();
    List<String> phones =
        v.containsKey(LeadField.PHONE) ? List.of(v.get(LeadField.PHONE)) : List.of();
    long contactId = existingContact(emails, phones).orElseGet(() -> newContact(form, v));
    long dealId =
        deals
            .create(
                new DealCommand(
                    title(form, v),
                    form.pipelineId(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    form.responsibleId(),
                    null,
                    null,
                    List.of(contactId),
                    null,
                    in.custom().isEmpty() ? null : in.custom()))
            .id();
    List<String> comment = new ArrayList<>();
    if (v.containsKey(LeadField.COMPANY_NAME)) {
      comment.add("Company: " + v.get(LeadField.COMPANY_NAME));
    }
    if (v.containsKey(LeadField.MESSAGE)) {
      comment.add(v.get(LeadField.MESSAGE));
    }
    if (!comment.isEmpty()) {
      deals.addComment(dealId, String.join("\n\n", comment));
    }
    return new Created(null, contactId, dealId);
  }

  private Optional<Long> existingContact(List<String> emails, List<String> phones) {
    if (emails.isEmpty() && phones.isEmpty()) {
      return Optional.empty();
    }
    List<ContactView> found = contacts.findDuplicates(emails, phones);
    return found.stream()
        .filter(
            c ->
                !emails.isEmpty()
                    && c.emails().stream().anyMatch(e -> e.value().equalsIgnoreCase(emails.get(0))))
        .findFirst()
        .or(() -> found.stream().findFirst())
        .map(ContactView::id);
  }

  private long newContact(WebFormView form, Map<LeadField, String> v) {
    String first = v.get(LeadField.FIRST_NAME);
    String last = v.get(LeadField.LAST_NAME);
    // a contact needs a first name: the last name, the address or the phone stands in for it
    String firstName =
        first != null
            ? first
            : Stream.of(last, v.get(LeadField.EMAIL), v.get(LeadField.PHONE), "Web form visitor")
                .filter(s -> s != null)
                .findFirst()
                .orElseThrow();
    return contacts
        .create(
            new ContactCommand(
                truncate(firstName, 100),
                first != null ? last : null,
                v.get(LeadField.POSITION),
                null,
                address(v),
                v.containsKey(LeadField.PHONE)
                    ? List.of(new Phone(PhoneType.WORK, v.get(LeadField.PHONE)))
                    : List.of(),
                v.containsKey(LeadField.EMAIL)
                    ? List.of(new Email(EmailType.WORK, v.get(LeadField.EMAIL)))
                    : List.of(),
                null,
                form.responsibleId(),
                "From web form " + form.name()))
        .id();
  }

  static LeadCommand leadCommand(
      WebFormView form, Map<LeadField, String> v, Map<String, Object> custom) {
    return new LeadCommand(
        title(form, v),
        v.get(LeadField.FIRST_NAME),
        v.get(LeadField.LAST_NAME),
        v.get(LeadField.COMPANY_NAME),
        v.get(LeadField.POSITION),
        address(v),
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

  /** "Form name: who", who being the person, else the company, the e-mail or the phone. */
  private static String title(WebFormView form, Map<LeadField, String> v) {
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
    return truncate(form.name() + ": " + who, 255);
  }

  private static Address address(Map<LeadField, String> v) {
    return Stream.of(LeadField.STREET, LeadField.CITY, LeadField.POSTAL_CODE, LeadField.COUNTRY)
            .anyMatch(v::containsKey)
        ? new Address(
            v.get(LeadField.STREET),
            v.get(LeadField.CITY),
            null,
            v.get(LeadField.POSTAL_CODE),
            v.get(LeadField.COUNTRY) == null
                ? null
                : v.get(LeadField.COUNTRY).toUpperCase(Locale.ROOT))
        : null;
  }

  private static String truncate(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
