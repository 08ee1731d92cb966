package org.flowcrm.ui.layout;

import java.util.Map;
import org.flowcrm.crm.permission.AccessPolicy;
import org.flowcrm.crm.permission.Action;
import org.flowcrm.crm.permission.EntityType;
import org.flowcrm.crm.permission.Scope;

/**
 * What the signed-in user's roles allow at all, for templates to leave out what he could not use:
 * {@code allowed.read("DEAL")}, {@code allowed.to("LEAD", "CREATE")}. Only a courtesy: the services
 * refuse whatever the page would have offered. One instance per request: the caller's whole matrix
 * is read with one query, on the first question.
 */
public final class Allowed {

  private final AccessPolicy policy;
  private Map<EntityType, Map<Action, Scope>> scopes;

  Allowed(AccessPolicy policy) {
    this.policy = policy;
  }

  /** Whether the user may read some records of {@code entity} (a scope other than none). */
  public boolean read(String entity) {
    return to(entity, Action.READ.name());
  }

  /** Whether the user may do {@code action} on some records of some kind (e.g. import). */
  public boolean any(String action) {
    for (EntityType entity : EntityType.values()) {
      if (to(entity.name(), action)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the user may do {@code action} on some records of {@code entity}. */
  public boolean to(String entity, String action) {
    if (scopes == null) {
      scopes = policy.scopes();
    }
    return scopes
            .getOrDefault(EntityType.valueOf(entity), Map.of())
            .getOrDefault(Action.valueOf(action), Scope.NONE)
        != Scope.NONE;
  }
}
