package org.flowcrm.ui.admin;

import java.util.Arrays;
import java.util.List;
import org.flowcrm.crm.customfield.CustomFieldCommand;
import org.flowcrm.crm.customfield.CustomFieldType;
import org.flowcrm.crm.customfield.CustomFieldView;
import org.flowcrm.crm.customfield.CustomizableEntity;

/**
 * The custom field form. A list field's options are typed one per line; the position is text so
 * that a wrong one comes back as a message at the field.
 */
public class CustomFieldAdminForm {

  private CustomizableEntity entity = CustomizableEntity.LEAD;
  private String code;
  private String label;
  private CustomFieldType type = CustomFieldType.STRING;
  private boolean required;
  private String options = "";
  private String position;
  private Long version;

  static CustomFieldAdminForm of(CustomFieldView field) {
    CustomFieldAdminForm form = new CustomFieldAdminForm();
    form.entity = field.entity();
    form.code = field.code();
    form.label = field.label();
    form.type = field.type();
    form.required = field.required();
    form.options = String.join("\n", field.options());
    form.position = String.valueOf(field.position());
    form.version = field.version();
    return form;
  }

  List<String> optionList() {
    return Arrays.stream(options == null ? new String[0] : options.split("\\R"))
        .map(String::strip)
        .filter(o -> !o.isEmpty())
        .toList();
  }

  CustomFieldCommand toCommand(Integer parsedPosition) {
    return new CustomFieldCommand(
        entity,
        code == null ? null : code.strip(),
        label == null ? null : label.strip(),
        type,
        required,
        type == CustomFieldType.LIST ? optionList() : List.of(),
        parsedPosition);
  }

  public CustomizableEntity getEntity() {
    return entity;
  }

  public void setEntity(CustomizableEntity entity) {
    this.entity = entity;
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }

  public String getLabel() {
    return label;
  }

  public void setLabel(String label) {
    this.label = label;
  }

  public CustomFieldType getType() {
    return type;
  }

  public void setType(CustomFieldType type) {
    this.type = type;
  }

  public boolean isRequired() {
    return required;
  }

  public void setRequired(boolean required) {
    this.required = required;
  }

  public String getOptions() {
    return options;
  }

  public void setOptions(String options) {
    this.options = options;
  }

  public String getPosition() {
    return position;
  }

  public void setPosition(String position) {
    this.position = position;
  }

  public Long getVersion() {
    return version;
  }

  public void setVersion(Long version) {
    this.version = version;
  }
}
