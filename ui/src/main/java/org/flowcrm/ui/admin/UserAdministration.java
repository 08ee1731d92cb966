package org.flowcrm.ui.admin;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.flowcrm.crm.permission.RoleService;
import org.flowcrm.crm.security.PasswordService;
import org.flowcrm.crm.user.DepartmentService;
import org.flowcrm.crm.user.UserCommand;
import org.flowcrm.crm.user.UserService;
import org.flowcrm.crm.user.UserView;
import org.flowcrm.ui.signin.SignedInUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One form, several crm-api services (user, department, roles, password), in one transaction: a
 * refusal of any of them (a taken login, the last administrator) leaves nothing half done. Each
 * service still checks the caller's rights and audits its own change.
 */
@Service
class UserAdministration {

  private final UserService users;
  private final DepartmentService departments;
  private final RoleService roles;
  private final PasswordService passwords;

  UserAdministration(
      UserService users,
      DepartmentService departments,
      RoleService roles,
      PasswordService passwords) {
    this.users = users;
    this.departments = departments;
    this.roles = roles;
    this.passwords = passwords;
  }

  @Transactional
  UserView create(NewUserForm form) {
    UserView created =
        users.create(
            new UserCommand(form.getLogin(), form.getDisplayName(), form.getEmail(), true));
    if (form.getDepartmentId() != null) {
      departments.moveUser(created.id(), form.getDepartmentId());
    }
    roles.assignRoles(created.id(), form.getRoles());
    passwords.setPassword(SignedInUser.principal(), created.id(), form.getPassword());
    return created;
  }

  /** Changes only what differs, so the audit log lists real changes. */
  @Transactional
  void update(long id, UserEditForm form) {
    UserView user = users.get(id);
    users.update(
        id,
        new UserCommand(user.login(), form.getDisplayName(), form.getEmail(), null),
        form.getVersion());
    if (!Objects.equals(user.departmentId(), form.getDepartmentId())) {
      departments.moveUser(id, form.getDepartmentId());
    }
    if (user.presence() != form.getPresence()) {
      departments.changePresence(id, form.getPresence());
    }
    List<String> wanted = form.getRoles().stream().distinct().toList();
    if (!Set.copyOf(wanted).equals(Set.copyOf(roles.rolesOf(id)))) {
      roles.assignRoles(id, wanted);
    }
  }

  /** Deactivates (signing in refused, no new records assigned) or reactivates a user. */
  @Transactional
  void setActive(long id, boolean active, Long version) {
    UserView user = users.get(id);
    users.update(
        id, new UserCommand(user.login(), user.displayName(), user.email(), active), version);
  }

  @Transactional
  void setPassword(long id, String password) {
    users.get(id);
    passwords.setPassword(SignedInUser.principal(), id, password);
  }
}
