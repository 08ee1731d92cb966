package org.flowcrm.ui.record;

import java.util.List;
import java.util.UUID;
import org.flowcrm.crm.permission.RoleService;
import org.flowcrm.crm.security.CrmUserPrincipal;
import org.flowcrm.crm.security.PasswordService;
import org.flowcrm.crm.user.UserCommand;
import org.flowcrm.crm.user.UserService;
import org.flowcrm.crm.user.UserView;
import org.springframework.security.core.context.SecurityContextHolder;

/** What the record form tests share: fresh names, and managers with the default MANAGER role. */
public final class FormFixtures {

  public static final String MANAGER_PASSWORD = "manager-password";

  private FormFixtures() {}

  /** A letter and eight letters or digits, lower case: a search word, a custom field code part. */
  public static String word() {
    return "q" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  }

  /** A new user with the default manager role (own records only), signed-in-able. */
  public static UserView manager(
      UserService users, RoleService roles, PasswordService passwords, String name) {
    String login = "mgr" + word();
    UserView user = users.create(new UserCommand(login, name, null, true));
    roles.assignRoles(user.id(), List.of("MANAGER"));
    CrmUserPrincipal admin =
        (CrmUserPrincipal) SecurityContextHolder.getContext().getAuthentication().getPrincipal();
    passwords.setPassword(admin, user.id(), MANAGER_PASSWORD);
    return user;
  }
}
