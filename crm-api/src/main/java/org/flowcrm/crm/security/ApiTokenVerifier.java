package org.flowcrm.crm.security;

import java.util.Optional;

/**
 * Resolves the secret of an {@code Authorization: Bearer} header to the login of the user it
 * belongs to. Implemented by the API token feature, so sign-in does not depend on how tokens are
 * stored; without an implementation bearer tokens are refused.
 */
public interface ApiTokenVerifier {

  /** The owner's login, or empty for an unknown, revoked or expired token. */
  Optional<String> loginFor(String secret);
}
