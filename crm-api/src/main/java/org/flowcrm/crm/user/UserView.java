package org.flowcrm.crm.user;

/** A user as other features and the API see it. */
public record UserView(
    long id,
    long version,
    String login,
    String displayName,
    String email,
    boolean active,
    Long departmentId,
    Presence presence) {

  /** A user outside any department, at work. */
  public UserView(
      long id, long version, String login, String displayName, String email, boolean active) {
    this(id, version, login, displayName, email, active, null, Presence.WORKING);
  }

  static UserView of(User user) {
    return new UserView(
        user.getId(),
        user.getVersion(),
        user.getLogin(),
        user.getDisplayName(),
        user.getEmail(),
        user.isActive(),
        user.getDepartmentId(),
        user.getPresence());
  }
}
