package org.flowcrm.ui.admin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A new user: his profile, login and first password (the login's characters and "at least one role"
 * are checked by the controller, with messages of our bundles).
 */
public class NewUserForm extends UserProfileForm {

  @NotBlank
  @Size(max = 100)
  private String login;

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

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }
}
