package org.flowcrm.crm.security;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A signed-in CRM user: the {@code crm_user} row and its roles as {@code ROLE_<code>}. */
public record CrmUserPrincipal(
    long id, String login, String passwordHash, boolean active, boolean locked, List<String> roles)
    implements UserDetails {

  @Override
  public Collection<? extends GrantedAuthority> getAuthorities() {
    return roles.stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList();
  }

  @Override
  public String getPassword() {
    return passwordHash;
  }

  @Override
  public String getUsername() {
    return login;
  }

  @Override
  public boolean isAccountNonLocked() {
    return !locked;
  }

  @Override
  public boolean isEnabled() {
    return active;
  }

  @Override
  public String toString() {
    // Never print the hash.
    return "CrmUserPrincipal[" + id + ", " + login + ", " + roles + "]";
  }
}
