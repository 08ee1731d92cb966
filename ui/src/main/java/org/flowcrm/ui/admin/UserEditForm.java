package org.flowcrm.ui.admin;

import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.List;
import org.flowcrm.crm.user.Presence;
import org.flowcrm.crm.user.UserView;

/** What an administrator changes on a user; {@code version} is the one the form was shown with. */
public class UserEditForm extends UserProfileForm {

  @NotNull private Presence presence;

  private Long version;

  static UserEditForm of(UserView user, List<String> roles) {
    UserEditForm form = new UserEditForm();
    form.setDisplayName(user.displayName());
    form.setEmail(user.email());
    form.setRoles(new ArrayList<>(roles));
    form.setDepartmentId(user.departmentId());
    form.presence = user.presence();
    form.version = user.version();
    return form;
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
