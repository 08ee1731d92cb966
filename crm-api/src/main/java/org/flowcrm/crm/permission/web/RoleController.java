package org.flowcrm.crm.permission.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.flowcrm.crm.permission.DealRestriction;
import org.flowcrm.crm.permission.Permission;
import org.flowcrm.crm.permission.PermissionMatrix;
import org.flowcrm.crm.permission.RoleCommand;
import org.flowcrm.crm.permission.RoleService;
import org.flowcrm.crm.permission.RoleView;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class RoleController {

  private final RoleService roles;

  RoleController(RoleService roles) {
    this.roles = roles;
  }

  record Roles(List<String> roles) {}

  @GetMapping("/roles")
  List<RoleView> list() {
    return roles.list();
  }

  @PostMapping("/roles")
  ResponseEntity<RoleView> create(@Valid @RequestBody RoleCommand command) {
    RoleView role = roles.create(command);
    return ResponseEntity.created(URI.create("/api/v1/roles/" + role.code())).body(role);
  }

  @DeleteMapping("/roles/{code}")
  ResponseEntity<Void> delete(@PathVariable String code) {
    roles.delete(code);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/roles/{code}/permissions")
  PermissionMatrix permissions(@PathVariable String code) {
    return roles.matrix(code);
  }

  /** Sets the listed cells; others keep their scope. */
  @PutMapping("/roles/{code}/permissions")
  PermissionMatrix updatePermissions(
      @PathVariable String code, @RequestBody List<@Valid Permission> permissions) {
    return roles.updateMatrix(code, permissions);
  }

  @GetMapping("/roles/{code}/deal-restrictions")
  List<DealRestriction> dealRestrictions(@PathVariable String code) {
    return roles.dealRestrictions(code);
  }

  @PutMapping("/roles/{code}/deal-restrictions")
  List<DealRestriction> replaceDealRestrictions(
      @PathVariable String code, @RequestBody List<DealRestriction> restrictions) {
    return roles.replaceDealRestrictions(code, restrictions);
  }

  /** The caller's effective rights, for the UI to hide what is not allowed. */
  @GetMapping("/me/permissions")
  PermissionMatrix mine() {
    return roles.mine();
  }

  @GetMapping("/users/{id}/roles")
  Roles rolesOf(@PathVariable long id) {
    return new Roles(roles.rolesOf(id));
  }

  @PutMapping("/users/{id}/roles")
  Roles assign(@PathVariable long id, @RequestBody Roles body) {
    return new Roles(roles.assignRoles(id, body.roles()));
  }
}
