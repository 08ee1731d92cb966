package org.flowcrm.ui.record;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every record form (contact, company, deal) posts besides its own fields: the custom fields
 * as typed, the version an edit was rendered with, and which "add a line" or "remove this line"
 * button was pressed ({@link RowActions}). {@link RecordForms} saves it.
 */
public abstract class RecordForm {

  private Map<String, String> customFields = new LinkedHashMap<>();
  private Long version;
  private String add;
  private String remove;

  /**
   * Applies the pressed "add a line" or "remove this line" button, if any; returns whether one was
   * (then the form is shown again, nothing saved). A form without lines has none.
   */
  protected boolean applyRowAction() {
    return false;
  }

  /** Drops empty lines before saving, so the service's {@code phones[1]} is the form's. */
  protected void compact() {}

  /** An empty line to type into in every list that has none, when the form is shown again. */
  protected void withEmptyLines() {}

  public Map<String, String> getCustomFields() {
    return customFields;
  }

  public void setCustomFields(Map<String, String> customFields) {
    this.customFields = customFields;
  }

  public Long getVersion() {
    return version;
  }

  public void setVersion(Long version) {
    this.version = version;
  }

  public String getAdd() {
    return add;
  }

  public void setAdd(String add) {
    this.add = add;
  }

  public String getRemove() {
    return remove;
  }

  public void setRemove(String remove) {
    this.remove = remove;
  }
}
