package org.flowcrm.crm;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * API tests act as the administrator unless a request says otherwise (its own {@code httpBasic} or
 * none at all, see {@code SecurityTests}). The password is the test's {@code CRM_ADMIN_PASSWORD}.
 */
@Configuration(proxyBeanMethods = false)
class SignedInAsAdministrator {

  static final String ADMIN = "admin";
  static final String ADMIN_PASSWORD = "test-admin-password";

  @Bean
  MockMvcBuilderCustomizer signInAsAdministrator() {
    return builder -> builder.defaultRequest(get("/").with(httpBasic(ADMIN, ADMIN_PASSWORD)));
  }
}
