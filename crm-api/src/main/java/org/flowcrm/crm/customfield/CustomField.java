package org.flowcrm.crm.customfield;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import org.flowcrm.crm.shared.AggregateRoot;

/** The definition of one custom field of one kind of record. */
@Entity
@Table(name = "crm_custom_field")
class CustomField extends AggregateRoot<CustomField> {

  @Enumerated(EnumType.STRING)
  @Column(name = "entity", nullable = false, updatable = false)
  private CustomizableEntity entity;

  @Column(name = "code", nullable = false, updatable = false)
  private String code;

  @Column(name = "label", nullable = false)
  private String label;

  @Enumerated(EnumType.STRING)
  @Column(name = "type", nullable = false, updatable = false)
  private CustomFieldType type;

  @Column(name = "required", nullable = false)
  private boolean required;

  @Convert(converter = OptionsConverter.class)
  @Column(name = "options")
  private List<String> options = new ArrayList<>();

  @Column(name = "position", nullable = false)
  private int position;

  protected CustomField() {}

  CustomField(CustomizableEntity entity, String code, CustomFieldType type) {
    this.entity = entity;
    this.code = code;
    this.type = type;
  }

  void update(String label, boolean required, List<String> options, int position) {
    this.label = label;
    this.required = required;
    this.options = new ArrayList<>(options);
    this.position = position;
    touch();
  }

  public CustomizableEntity getEntity() {
    return entity;
  }

  public String getCode() {
    return code;
  }

  public String getLabel() {
    return label;
  }

  public CustomFieldType getType() {
    return type;
  }

  public boolean isRequired() {
    return required;
  }

  public List<String> getOptions() {
    return List.copyOf(options);
  }

  public int getPosition() {
    return position;
  }
}
