package org.flowcrm.ui.admin;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;

/**
 * What an administrator sets on a user both when creating and when editing him: the bounds are
 * crm-api's {@code UserCommand}'s, checked here first so the messages come in the page's language;
 * the services check again.
 */
public abstract class UserProfileForm {

  @NotBlank
  @Size(max = 200)
  private String displayName;

  @Email
  @Size(max = 254)
  private String email;

  private List<String> roles = new ArrayList<>();

  private Long departmentId;

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email == null || email.isBlank() ? null : email.trim();
  }

  public List<String> getRoles() {
    return roles;
  }

  public void setRoles(List<String> roles) {
    this.roles = roles == null ? new ArrayList<>() : roles;
  }

  public Long getDepartmentId() {
    return departmentId;
  }

  public void setDepartmentId(Long departmentId) {
    this.departmentId = departmentId;
  }
}
