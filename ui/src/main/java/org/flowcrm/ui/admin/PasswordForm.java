package org.flowcrm.ui.admin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A new password an administrator sets for a user (the same bounds as PasswordService). */
public class PasswordForm {

  @NotBlank
  @Size(min = 10, max = 128)
  private String password;

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }
}
