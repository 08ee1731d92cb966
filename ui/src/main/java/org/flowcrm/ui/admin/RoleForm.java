package org.flowcrm.ui.admin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A new role: code and name as crm-api's {@code RoleCommand} takes them (the code's characters are
 * checked by the controller, with a message of our bundles), and optionally the role whose
 * permissions and deal restrictions it starts with.
 */
public class RoleForm {

  @NotBlank
  @Size(max = 60)
  private String code;

  @NotBlank
  @Size(max = 200)
  private String name;

  private String copyFrom;

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code == null ? null : code.trim();
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getCopyFrom() {
    return copyFrom;
  }

  public void setCopyFrom(String copyFrom) {
    this.copyFrom = copyFrom == null || copyFrom.isBlank() ? null : copyFrom;
  }
}
