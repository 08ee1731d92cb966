package org.flowcrm.crm.user.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.flowcrm.crm.shared.ETags;
import org.flowcrm.crm.user.DepartmentCommand;
import org.flowcrm.crm.user.DepartmentService;
import org.flowcrm.crm.user.DepartmentView;
import org.flowcrm.crm.user.Presence;
import org.flowcrm.crm.user.UserView;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class DepartmentController {

  private final DepartmentService departments;

  DepartmentController(DepartmentService departments) {
    this.departments = departments;
  }

  record Membership(Long departmentId) {}

  record PresenceChange(Presence presence) {}

  @GetMapping("/departments")
  List<DepartmentView> list() {
    return departments.list();
  }

  @GetMapping("/departments/{id}")
  ResponseEntity<DepartmentView> get(@PathVariable long id) {
    DepartmentView department = departments.get(id);
    return ResponseEntity.ok().eTag(ETags.of(department.version())).body(department);
  }

  @PostMapping("/departments")
  ResponseEntity<DepartmentView> create(@Valid @RequestBody DepartmentCommand command) {
    DepartmentView department = departments.create(command);
    return ResponseEntity.created(URI.create("/api/v1/departments/" + department.id()))
        .eTag(ETags.of(department.version()))
        .body(department);
  }

  @PutMapping("/departments/{id}")
  ResponseEntity<DepartmentView> update(
      @PathVariable long id,
      @RequestHeader(name = "If-Match", required = false) String ifMatch,
      @Valid @RequestBody DepartmentCommand command) {
    DepartmentView department =
        departments.update(id, command, ETags.expectedVersion(ifMatch, true));
    return ResponseEntity.ok().eTag(ETags.of(department.version())).body(department);
  }

  @DeleteMapping("/departments/{id}")
  ResponseEntity<Void> delete(
      @PathVariable long id, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
    departments.delete(id, ETags.expectedVersion(ifMatch, false));
    return ResponseEntity.noContent().build();
  }

  @PutMapping("/users/{id}/department")
  UserView moveUser(@PathVariable long id, @RequestBody Membership body) {
    return departments.moveUser(id, body.departmentId());
  }

  @PutMapping("/users/{id}/presence")
  UserView changePresence(@PathVariable long id, @RequestBody PresenceChange body) {
    return departments.changePresence(id, body.presence());
  }
}
