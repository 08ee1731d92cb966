package org.flowcrm.ui.admin;

import org.flowcrm.crm.permission.AccessPolicy;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Every page of this package is for administrators: before any handler runs, crm-api's policy
 * refuses anyone else with 403 (the error page). Reading pages are guarded too, although some of
 * the services they read (the user list) are open to every CRM user.
 */
@ControllerAdvice(basePackageClasses = AdministratorsOnly.class)
class AdministratorsOnly {

  private final AccessPolicy policy;

  AdministratorsOnly(AccessPolicy policy) {
    this.policy = policy;
  }

  @ModelAttribute
  void requireAdministrator() {
    policy.requireAdministrator("SETTINGS");
  }
}
