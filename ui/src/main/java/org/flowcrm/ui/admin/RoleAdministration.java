package org.flowcrm.ui.admin;

import org.flowcrm.crm.permission.RoleCommand;
import org.flowcrm.crm.permission.RoleService;
import org.flowcrm.crm.permission.RoleView;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A role created as a copy of another: creating it, copying the matrix and the deal restrictions is
 * one transaction, so a refusal leaves no half-copied role. RoleService audits each step.
 */
@Service
class RoleAdministration {

  private final RoleService roles;

  RoleAdministration(RoleService roles) {
    this.roles = roles;
  }

  @Transactional
  RoleView create(RoleForm form) {
    RoleView created = roles.create(new RoleCommand(form.getCode(), form.getName().trim()));
    if (form.getCopyFrom() != null) {
      roles.updateMatrix(created.code(), roles.matrix(form.getCopyFrom()).permissions());
      roles.replaceDealRestrictions(created.code(), roles.dealRestrictions(form.getCopyFrom()));
    }
    return created;
  }
}
