package org.flowcrm.ui.admin;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;

/**
 * A new user: what crm-api's {@code UserCommand} and {@code PasswordService} check, checked here
 * first so the messages come in the page's language (the login's characters and "at least one role"
 * by the controller, with messages of our bundles); the services check again.
 */
public class NewUserForm {

  @NotBlank
  @Size(max = 100)
  private String login;

  @NotBlank
  @Size(max = 200)
  private String displayName;

  @Email
  @Size(max = 254)
  private String email;

  private List<String> roles = new ArrayList<>();

  private Long departmentId;

  /** The same bounds as crm-api's PasswordService. */
  @NotBlank
  @Size(min = 10, max = 128)
  private String password;

  public String getLogin() {
    return login;
  }

  public void setLogin(String login) {
    this.login = login == null ? null : login.trim();
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

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }
}
