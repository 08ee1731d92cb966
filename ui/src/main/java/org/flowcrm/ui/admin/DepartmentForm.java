package org.flowcrm.ui.admin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.flowcrm.crm.user.DepartmentCommand;
import org.flowcrm.crm.user.DepartmentView;

/** A department's name, parent and head; {@code version} is the one the form was shown with. */
public class DepartmentForm {

  @NotBlank
  @Size(max = 200)
  private String name;

  private Long parentId;

  private Long headUserId;

  private Long version;

  static DepartmentForm of(DepartmentView department) {
    DepartmentForm form = new DepartmentForm();
    form.name = department.name();
    form.parentId = department.parentId();
    form.headUserId = department.headUserId();
    form.version = department.version();
    return form;
  }

  DepartmentCommand toCommand() {
    return new DepartmentCommand(name == null ? null : name.trim(), parentId, headUserId);
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public Long getParentId() {
    return parentId;
  }

  public void setParentId(Long parentId) {
    this.parentId = parentId;
  }

  public Long getHeadUserId() {
    return headUserId;
  }

  public void setHeadUserId(Long headUserId) {
    this.headUserId = headUserId;
  }

  public Long getVersion() {
    return version;
  }

  public void setVersion(Long version) {
    this.version = version;
  }
}
