package org.flowcrm.crm.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Two doors. The REST API ({@code /api/**}) is stateless: every request carries HTTP Basic
 * credentials or an API token ({@code Authorization: Bearer}), no session cookie is issued, so
 * there is nothing for a forged cross-site request to ride on and CSRF tokens are not needed. Pages
 * use form login with a session cookie and CSRF tokens on every form. Only sign-in, static assets,
 * the API description, the health probe, {@code /public/**} (web forms) and {@code
 * /api/v1/public/**} (invoice links) are open without signing in.
 */
@Configuration
class SecurityConfiguration {

  /**
   * bpmn-js and form-js set inline styles and use data: URLs for icons, so styles allow
   * 'unsafe-inline' and images data:; scripts come only from this origin.
   */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
          + " img-src 'self' data:; font-src 'self' data:; connect-src 'self';"
          + " object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

  static final String[] OPEN_PATHS = {
    "/login",
    "/error",
    "/favicon.ico",
    "/css/**",
    "/js/**",
    "/vendor/**",
    "/images/**",
    "/public/**",
    "/actuator/health",
    "/actuator/health/**",
    "/v3/api-docs",
    "/v3/api-docs/**",
    "/swagger-ui.html",
    "/swagger-ui/**"
  };

  @Bean
  PasswordEncoder passwordEncoder() {
    // bcrypt today, stored with its {id} prefix so the algorithm can be upgraded per user.
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  /**
   * Public web forms are meant for other websites' iframes and are posted from there: they may be
   * framed by anyone, and with no session or cookie there is nothing for CSRF to protect (the
   * honeypot and the rate limit brake spam). Their pages load nothing but themselves.
   */
  static final String PUBLIC_FORM_POLICY =
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' https: http:;"
          + " base-uri 'none'; frame-ancestors *";

  @Bean
  @Order(0)
  SecurityFilterChain publicForms(HttpSecurity http) throws Exception {
    http.securityMatcher("/public/forms/**")
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .sessionManagement(
            session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .headers(
            headers ->
                headers
                    .contentSecurityPolicy(csp -> csp.policyDirectives(PUBLIC_FORM_POLICY))
                    .frameOptions(frame -> frame.disable())
                    .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
    return http.build();
  }

  /**
   * The other public entry points – invoice links and unsubscribe pages for customers ({@code
   * /api/v1/public/**}) and any page under {@code /public/**} – authenticate nobody: the token in
   * the path is the key. No HTTP Basic and no API-token filter run here, so a request that happens
   * to carry a stale or malformed {@code Authorization} header (a browser extension, a proxy, a
   * client reusing its headers) is served as the anonymous request it is instead of a 401.
   */
  @Bean
  @Order(1)
  SecurityFilterChain publicLinks(HttpSecurity http) throws Exception {
    http.securityMatcher("/api/v1/public/**", "/public/**")
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .sessionManagement(
            session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .headers(SecurityConfiguration::headers);
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain api(
      HttpSecurity http, ObjectProvider<ApiTokenVerifier> tokens, CrmUserDetailsService users)
      throws Exception {
    http.securityMatcher("/api/**")
        // API tokens (Authorization: Bearer) sign in as their user, before HTTP Basic looks.
        .addFilterBefore(
            new BearerTokenFilter(tokens, users, SecurityConfiguration::unauthorized),
            BasicAuthenticationFilter.class)
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .httpBasic(basic -> basic.authenticationEntryPoint(SecurityConfiguration::unauthorized))
        .sessionManagement(
            session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .exceptionHandling(
            errors ->
                errors
                    .authenticationEntryPoint(SecurityConfiguration::unauthorized)
                    .accessDeniedHandler(
                        (request, response, denied) ->
                            problem(
                                response, HttpStatus.FORBIDDEN, "Your role does not allow this.")))
        .headers(SecurityConfiguration::headers);
    return http.build();
  }

  @Bean
  @Order(3)
  SecurityFilterChain pages(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(
            requests ->
                requests.requestMatchers(OPEN_PATHS).permitAll().anyRequest().authenticated())
        .formLogin(Customizer.withDefaults())
        // For scripts and probes outside /api (e.g. actuator details): browsers still get the form.
        .httpBasic(Customizer.withDefaults())
        .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
        .headers(SecurityConfiguration::headers);
    return http.build();
  }

  private static void headers(
      org.springframework.security.config.annotation.web.configurers.HeadersConfigurer<HttpSecurity>
          headers) {
    headers
        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
        .frameOptions(frame -> frame.sameOrigin());
  }

  private static void unauthorized(
      jakarta.servlet.http.HttpServletRequest request,
      HttpServletResponse response,
      AuthenticationException failure)
      throws IOException {
    if (failure instanceof BearerTokenFilter.BearerTokenRejected rejected) {
      response.setHeader("WWW-Authenticate", "Bearer realm=\"Flowcrm\", error=\"invalid_token\"");
      problem(response, HttpStatus.UNAUTHORIZED, rejected.getMessage());
      return;
    }
    response.setHeader("WWW-Authenticate", "Basic realm=\"Flowcrm\"");
    problem(
        response,
        HttpStatus.UNAUTHORIZED,
        failure instanceof LockedException
            ? "Too many failed sign-ins for this user; try again later."
            : "Sign in with a valid user name and password (HTTP Basic) or an API token"
                + " (Authorization: Bearer).");
  }

  private static void problem(HttpServletResponse response, HttpStatus status, String detail)
      throws IOException {
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response
        .getWriter()
        .write(
            "{\"type\":\"about:blank\",\"title\":\""
                + status.getReasonPhrase()
                + "\",\"status\":"
                + status.value()
                + ",\"detail\":\""
                + detail
                + "\"}");
  }
}
