package org.flowcrm.crm.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.flowcrm.crm.shared.AggregateRoot;

/** A user of the CRM: responsible for records, author of changes. */
@Entity
@Table(name = "crm_user")
class User extends AggregateRoot<User> {

  @Column(name = "login", nullable = false, length = 100)
  private String login;

  @Column(name = "display_name", nullable = false, length = 200)
  private String displayName;

  @Column(name = "email", length = 254)
  private String email;

  @Column(name = "active", nullable = false)
  private boolean active = true;

  @Column(name = "department_id")
  private Long departmentId;

  @Enumerated(EnumType.STRING)
  @Column(name = "presence", nullable = false, length = 10)
  private Presence presence = Presence.WORKING;

  protected User() {}

  User(String login, String displayName, String email) {
    this.login = login;
    update(displayName, email, true);
  }

  void update(String displayName, String email, boolean active) {
    this.displayName = displayName;
    this.email = email;
    this.active = active;
    touch();
  }

  void moveToDepartment(Long departmentId) {
    this.departmentId = departmentId;
    touch();
  }

  void changePresence(Presence presence) {
    this.presence = presence;
    touch();
  }

  Long getDepartmentId() {
    return departmentId;
  }

  Presence getPresence() {
    return presence;
  }

  String getLogin() {
    return login;
  }

  String getDisplayName() {
    return displayName;
  }

  String getEmail() {
    return email;
  }

  boolean isActive() {
    return active;
  }
}
