package org.flowcrm.ui.admin;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import org.flowcrm.crm.user.Presence;
import org.flowcrm.crm.user.UserView;

/** What an administrator changes on a user; {@code version} is the one the form was shown with. */
public class UserEditForm {

  @NotBlank
  @Size(max = 200)
  private String displayName;

  @Email
  @Size(max = 254)
  private String email;

  private List<String> roles = new ArrayList<>();

  private Long departmentId;

  @NotNull private Presence presence;

  private Long version;

  static UserEditForm of(UserView user, List<String> roles) {
    UserEditForm form = new UserEditForm();
    form.displayName = user.displayName();
    form.email = user.email();
    form.roles = new ArrayList<>(roles);
    form.departmentId = user.departmentId();
    form.presence = user.presence();
    form.version = user.version();
    return form;
  }

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

  public Presence getPresence() {
    return presence;
  }

  public void setPresence(Presence presence) {
    this.presence = presence;
  }

  public Long getVersion() {
    return version;
  }

  public void setVersion(Long version) {
    this.version = version;
  }
}
