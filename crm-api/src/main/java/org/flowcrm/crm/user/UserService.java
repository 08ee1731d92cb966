package org.flowcrm.crm.user;

import jakarta.validation.Valid;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.flowcrm.crm.permission.AccessPolicy;
import org.flowcrm.crm.permission.SystemUser;
import org.flowcrm.crm.shared.ConflictException;
import org.flowcrm.crm.shared.InvalidFieldException;
import org.flowcrm.crm.shared.NotFoundException;
import org.flowcrm.crm.shared.Versions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/** The only way other features reach users. */
@Service
@Validated
@Transactional(readOnly = true)
public class UserService {

  private final Users users;
  private final AccessPolicy policy;

  UserService(Users users, AccessPolicy policy) {
    this.users = users;
    this.policy = policy;
  }

  /** Creates a user (administrators only); roles and department are set separately. */
  @Transactional
  public UserView create(@Valid UserCommand command) {
    policy.requireAdministrator("USERS");
    if (users.findByLogin(command.login()).isPresent()) {
      throw new ConflictException("A user with login '" + command.login() + "' already exists");
    }
    User user = new User(command.login(), command.displayName(), command.email());
    return UserView.of(users.saveAndFlush(user));
  }

  @Transactional
  public UserView update(long id, @Valid UserCommand command, Long expectedVersion) {
    policy.requireAdministrator("USERS");
    User user = require(id);
    Versions.check("User", id, user.getVersion(), expectedVersion);
    if (!user.getLogin().equals(command.login())) {
      throw new InvalidFieldException("login", "cannot be changed");
    }
    user.update(
        command.displayName(),
        command.email(),
        command.active() == null ? user.isActive() : command.active());
    return UserView.of(users.saveAndFlush(user));
  }

  public UserView get(long id) {
    return UserView.of(require(id));
  }

  public List<UserView> list(Boolean active) {
    List<User> found =
        active == null
            ? users.findAllByOrderByDisplayName()
            : users.findByActiveOrderByDisplayName(active);
    // The processes' system user is no one to assign records to.
    return found.stream()
        .filter(user -> !SystemUser.LOGIN.equals(user.getLogin()))
        .map(UserView::of)
        .toList();
  }

  /**
   * Checks that {@code userId} (when given) is an active user, so it can be made responsible for a
   * record; otherwise names {@code field} in a 422.
   */
  public void requireActive(Long userId, String field) {
    if (userId == null) {
      return;
    }
    User user = users.findById(userId).orElse(null);
    if (user == null) {
      throw new InvalidFieldException(field, "user " + userId + " does not exist");
    }
    if (!user.isActive()) {
      throw new InvalidFieldException(field, "user " + userId + " is deactivated");
    }
  }

  /** Display names by id, for lists and exports. */
  public Map<Long, String> displayNames(Collection<Long> ids) {
    return users
        .findAllById(ids.stream().filter(java.util.Objects::nonNull).distinct().toList())
        .stream()
        .collect(Collectors.toMap(User::getId, User::getDisplayName));
  }

  private User require(long id) {
    return users.findById(id).orElseThrow(() -> new NotFoundException("User", id));
  }
}
