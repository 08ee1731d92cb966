package org.flowcrm.ui.admin;

import java.util.ArrayList;
import java.util.List;
import org.flowcrm.crm.customfield.CustomFieldView;
import org.flowcrm.crm.webform.FormField;
import org.flowcrm.crm.webform.LeadField;
import org.flowcrm.crm.webform.WebFormCommand;
import org.flowcrm.crm.webform.WebFormTarget;
import org.flowcrm.crm.webform.WebFormView;

/**
 * The web form editor's form: one row per lead field and lead custom field the public form can fill
 * (ticked ones are in the form, in this order), the texts, the button, the responsible and what
 * happens after sending: a thank-you message or a redirect.
 */
public class WebFormAdminForm {

  /** After-submit choices. */
  static final String THANK_YOU = "THANK_YOU";

  static final String REDIRECT = "REDIRECT";

  /** The responsible choice's prefixes: {@code user:7} a fixed user, {@code rule:3} a rule. */
  static final String USER = "user:";

  static final String RULE = "rule:";

  /** How a row names a lead custom field, as the service's {@code FormField.customField} does. */
  static final String CUSTOM_PREFIX = "cf.";

  private String name;
  private String heading;
  private List<FieldRow> fields = new ArrayList<>();
  private String consentText;
  private String buttonText;
  private String buttonColor = "#1a73e8";
  private String responsible = "";
  private WebFormTarget target = WebFormTarget.LEAD;
  private Long pipelineId;
  private boolean holdSuspectedSpam;
  private String afterSubmit = THANK_YOU;
  private String thankYouMessage;
  private String redirectUrl;
  private boolean active = true;
  private Long version;

  /**
   * A new form: first name, last name, e-mail (required), phone and message offered; the other lead
   * fields and the lead custom fields to tick.
   */
  static WebFormAdminForm blank(
      java.util.function.Function<LeadField, String> defaultLabel,
      List<CustomFieldView> customFields) {
    WebFormAdminForm form = new WebFormAdminForm();
    for (LeadField field : LeadField.values()) {
      FieldRow row = new FieldRow();
      row.field = field;
      row.label = defaultLabel.apply(field);
      row.included =
          switch (field) {
            case FIRST_NAME, LAST_NAME, EMAIL, PHONE, MESSAGE -> true;
            default -> false;
          };
      row.required = field == LeadField.EMAIL;
      form.fields.add(row);
    }
    customFields.forEach(f -> form.fields.add(customRow(f)));
    return form;
  }

  private static FieldRow customRow(CustomFieldView field) {
    FieldRow row = new FieldRow();
    row.customField = CUSTOM_PREFIX + field.code();
    row.label = field.label();
    row.required = field.required();
    return row;
  }

  static WebFormAdminForm of(
      WebFormView view,
      java.util.function.Function<LeadField, String> defaultLabel,
      List<CustomFieldView> customFields) {
    WebFormAdminForm form = new WebFormAdminForm();
    form.name = view.name();
    form.heading = view.heading();
    form.consentText = view.consentText();
    form.buttonText = view.buttonText();
    form.buttonColor = view.buttonColor();
    form.responsible =
        view.responsibleId() != null
            ? USER + view.responsibleId()
            : view.assignmentRuleId() != null ? RULE + view.assignmentRuleId() : "";
    form.target = view.target();
    form.pipelineId = view.pipelineId();
    form.holdSuspectedSpam = view.holdSuspectedSpam();
    form.afterSubmit = view.redirectUrl() != null ? REDIRECT : THANK_YOU;
    form.thankYouMessage = view.thankYouMessage();
    form.redirectUrl = view.redirectUrl();
    form.active = view.active();
    form.version = view.version();
    // the form's own fields first, in its order; then the others to offer
    for (FormField f : view.fields()) {
      FieldRow row = new FieldRow();
      row.field = f.field();
      row.customField = f.customField();
      row.label = f.label();
      row.required = f.required();
      row.included = true;
      form.fields.add(row);
    }
    for (LeadField field : LeadField.values()) {
      if (view.fields().stream().noneMatch(f -> f.field() == field)) {
        FieldRow row = new FieldRow();
        row.field = field;
        row.label = defaultLabel.apply(field);
        form.fields.add(row);
      }
    }
    for (CustomFieldView field : customFields) {
      String target = CUSTOM_PREFIX + field.code();
      if (view.fields().stream().noneMatch(f -> target.equals(f.customField()))) {
        form.fields.add(customRow(field));
      }
    }
    return form;
  }

  /** The ticked rows, in order, with the index of the row each came from. */
  List<Integer> includedRows() {
    List<Integer> rows = new ArrayList<>();
    for (int i = 0; i < fields.size(); i++) {
      FieldRow row = fields.get(i);
      if (row.included && (row.field != null || row.customField != null)) {
        rows.add(i);
      }
    }
    return rows;
  }

  WebFormCommand toCommand() {
    List<FormField> chosen = new ArrayList<>();
    for (int i : includedRows()) {
      FieldRow row = fields.get(i);
      chosen.add(
          new FormField(
              row.field,
              row.field == null ? row.customField : null,
              strip(row.label),
              row.required));
    }
    boolean redirect = REDIRECT.equals(afterSubmit);
    return new WebFormCommand(
        strip(name),
        strip(heading),
        chosen,
        strip(consentText),
        strip(buttonText),
        strip(buttonColor),
        chosen(USER),
        redirect ? null : strip(thankYouMessage),
        redirect ? strip(redirectUrl) : null,
        active,
        target,
        target == WebFormTarget.CONTACT_AND_DEAL ? pipelineId : null,
        chosen(RULE),
        holdSuspectedSpam);
  }

  /** The id of the responsible choice when it is of this kind ({@code user:} or {@code rule:}). */
  private Long chosen(String prefix) {
    if (responsible == null || !responsible.startsWith(prefix)) {
      return null;
    }
    try {
      return Long.valueOf(responsible.substring(prefix.length()));
    } catch (NumberFormatException notAnId) {
      return null;
    }
  }

  private static String strip(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getHeading() {
    return heading;
  }

  public void setHeading(String heading) {
    this.heading = heading;
  }

  public List<FieldRow> getFields() {
    return fields;
  }

  public void setFields(List<FieldRow> fields) {
    this.fields = fields;
  }

  public String getConsentText() {
    return consentText;
  }

  public void setConsentText(String consentText) {
    this.consentText = consentText;
  }

  public String getButtonText() {
    return buttonText;
  }

  public void setButtonText(String buttonText) {
    this.buttonText = buttonText;
  }

  public String getButtonColor() {
    return buttonColor;
  }

  public void setButtonColor(String buttonColor) {
    this.buttonColor = buttonColor;
  }

  /** {@code ""} (round robin), {@code user:<id>} or {@code rule:<id>}. */
  public String getResponsible() {
    return responsible;
  }

  public void setResponsible(String responsible) {
    this.responsible = responsible;
  }

  public WebFormTarget getTarget() {
    return target;
  }

  public void setTarget(WebFormTarget target) {
    this.target = target == null ? WebFormTarget.LEAD : target;
  }

  public Long getPipelineId() {
    return pipelineId;
  }

  public void setPipelineId(Long pipelineId) {
    this.pipelineId = pipelineId;
  }

  public boolean isHoldSuspectedSpam() {
    return holdSuspectedSpam;
  }

  public void setHoldSuspectedSpam(boolean holdSuspectedSpam) {
    this.holdSuspectedSpam = holdSuspectedSpam;
  }

  public String getAfterSubmit() {
    return afterSubmit;
  }

  public void setAfterSubmit(String afterSubmit) {
    this.afterSubmit = afterSubmit;
  }

  public String getThankYouMessage() {
    return thankYouMessage;
  }

  public void setThankYouMessage(String thankYouMessage) {
    this.thankYouMessage = thankYouMessage;
  }

  public String getRedirectUrl() {
    return redirectUrl;
  }

  public void setRedirectUrl(String redirectUrl) {
    this.redirectUrl = redirectUrl;
  }

  public boolean isActive() {
    return active;
  }

  public void setActive(boolean active) {
    this.active = active;
  }

  public Long getVersion() {
    return version;
  }

  public void setVersion(Long version) {
    this.version = version;
  }

  /**
   * One lead field or lead custom field ({@code cf.<code>}): whether the form asks it, under which
   * label, and whether it must be filled.
   */
  public static class FieldRow {
    private LeadField field;
    private String customField;
    private boolean included;
    private String label;
    private boolean required;

    public LeadField getField() {
      return field;
    }

    public void setField(LeadField field) {
      this.field = field;
    }

    public String getCustomField() {
      return customField;
    }

    public void setCustomField(String customField) {
      this.customField = customField;
    }

    /** What the row fills, for element ids: {@code EMAIL} or {@code cf.budget}. */
    public String getKey() {
      return field != null ? field.name() : customField;
    }

    public boolean isIncluded() {
      return included;
    }

    public void setIncluded(boolean included) {
      this.included = included;
    }

    public String getLabel() {
      return label;
    }

    public void setLabel(String label) {
      this.label = label;
    }

    public boolean isRequired() {
      return required;
    }

    public void setRequired(boolean required) {
      this.required = required;
    }
  }
}
