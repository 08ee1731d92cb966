package org.flowcrm.ui.signin;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.FormLoginConfigurer;

/**
 * Points crm-api's form login at our page. crm-api owns the security filter chains; Spring Security
 * applies every {@code Customizer<FormLoginConfigurer<HttpSecurity>>} bean to each {@code
 * HttpSecurity} before the chain's own configuration runs, and crm-api's {@code
 * formLogin(withDefaults())} keeps what is set here. With a login page of its own, Spring Security
 * no longer generates one; {@code GET /login} is already open in crm-api's list of open paths. The
 * API chain gets the setting too, but answers 401 there through its own entry point.
 */
@Configuration(proxyBeanMethods = false)
class SignInPageConfiguration {

  @Bean
  Customizer<FormLoginConfigurer<HttpSecurity>> flowcrmLoginPage() {
    return form -> form.loginPage(SignInController.PATH);
  }
}
