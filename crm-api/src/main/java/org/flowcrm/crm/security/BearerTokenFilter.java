package org.flowcrm.crm.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs a REST request in as the owner of its {@code Authorization: Bearer <token>}: the same
 * {@link CrmUserPrincipal} (and so exactly the same role permissions) HTTP Basic would give him.
 * Nothing is stored in a session. An unknown, revoked or expired token, or a deactivated owner, is
 * answered 401 at once rather than falling through to anonymous access. The secret is never logged.
 *
 * <p>Not a bean on purpose: Spring Boot would also register a filter bean for every request.
 */
class BearerTokenFilter extends OncePerRequestFilter {

  private static final String PREFIX = "Bearer ";

  private final ObjectProvider<ApiTokenVerifier> tokens;
  private final CrmUserDetailsService users;
  private final AuthenticationEntryPoint entryPoint;

  BearerTokenFilter(
      ObjectProvider<ApiTokenVerifier> tokens,
      CrmUserDetailsService users,
      AuthenticationEntryPoint entryPoint) {
    this.tokens = tokens;
    this.users = users;
    this.entryPoint = entryPoint;
  }

  /** A bearer token that signs in nobody; its message is the 401's detail. */
  static class BearerTokenRejected extends AuthenticationException {
    BearerTokenRejected(String message) {
      super(message);
    }
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      chain.doFilter(request, response);
      return;
    }
    try {
      CrmUserPrincipal user = authenticate(header.substring(PREFIX.length()).trim());
      SecurityContext context = SecurityContextHolder.createEmptyContext();
      context.setAuthentication(
          UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
      SecurityContextHolder.setContext(context);
    } catch (AuthenticationException rejected) {
      SecurityContextHolder.clearContext();
      entryPoint.commence(request, response, rejected);
      return;
    }
    chain.doFilter(request, response);
  }

  private CrmUserPrincipal authenticate(String secret) {
    ApiTokenVerifier verifier = tokens.getIfAvailable();
    String login =
        (verifier == null || secret.isEmpty() ? null : verifier.loginFor(secret).orElse(null));
    if (login == null) {
      throw new BearerTokenRejected("The API token is unknown, revoked or expired.");
    }
    CrmUserPrincipal user;
    try {
      user = users.loadUserByUsername(login);
    } catch (UsernameNotFoundException gone) {
      throw new BearerTokenRejected("The API token's user can no longer sign in.");
    }
    if (!user.isEnabled()) {
      throw new BearerTokenRejected("The API token's user is deactivated.");
    }
    // A token is not a password: failed password sign-ins of the user do not lock it out.
    return new CrmUserPrincipal(user.id(), user.login(), null, true, false, user.roles());
  }
}
