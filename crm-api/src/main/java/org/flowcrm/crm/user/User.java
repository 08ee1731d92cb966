package org.flowcrm.crm.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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
