package org.flowcrm.crm.security;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/** Feeds sign-in outcomes into the throttle and the audit log. */
@Component
class SignInEvents {

  private final LoginThrottle throttle;
  private final AuditLog audit;

  SignInEvents(LoginThrottle throttle, AuditLog audit) {
    this.throttle = throttle;
    this.audit = audit;
  }

  @EventListener
  void succeeded(AuthenticationSuccessEvent event) {
    String login = event.getAuthentication().getName();
    throttle.succeeded(login);
    audit.record("LOGIN_SUCCEEDED", login, null, remote(event.getAuthentication().getDetails()));
  }

  @EventListener
  void failed(AbstractAuthenticationFailureEvent event) {
    String login = event.getAuthentication().getName();
    if (event instanceof AuthenticationFailureBadCredentialsEvent) {
      throttle.failed(login);
    }
    audit.record(
        "LOGIN_FAILED",
        login,
        event.getException().getClass().getSimpleName(),
        remote(event.getAuthentication().getDetails()));
  }

  private static String remote(Object details) {
    return details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
  }
}
