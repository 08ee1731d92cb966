package org.flowcrm.crm.user;

import jakarta.validation.Valid;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.flowcrm.crm.permission.AccessPolicy;
import org.flowcrm.crm.shared.ConflictException;
import org.flowcrm.crm.shared.InvalidFieldException;
import org.flowcrm.crm.shared.NotFoundException;
import org.flowcrm.crm.shared.Versions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Departments and who works in them. Every signed-in user may read them (assignment and the UI need
 * them); only administrators change them.
 */
@Service
@Validated
@Transactional(readOnly = true)
public class DepartmentService {

  private final Departments departments;
  private final Users users;
  private final AccessPolicy policy;

  DepartmentService(Departments departments, Users users, AccessPolicy policy) {
    this.departments = departments;
    this.users = users;
    this.policy = policy;
  }

  public List<DepartmentView> list() {
    policy.callerId();
    return departments.findAllByOrderByNameAscIdAsc().stream().map(DepartmentView::of).toList();
  }

  public DepartmentView get(long id) {
    policy.callerId();
    return DepartmentView.of(require(id));
  }

  @Transactional
  public DepartmentView create(@Valid DepartmentCommand command) {
    policy.requireAdministrator("DEPARTMENTS");
    checkReferences(null, command);
    return DepartmentView.of(
        departments.saveAndFlush(
            new Department(command.name(), command.parentId(), command.headUserId())));
  }

  /** Renames, re-parents (never under itself or its own sub-departments) or changes the head. */
  @Transactional
  public DepartmentView update(long id, @Valid DepartmentCommand command, Long expectedVersion) {
    policy.requireAdministrator("DEPARTMENTS");
    Department department = require(id);
    Versions.check("Department", id, department.getVersion(), expectedVersion);
    checkReferences(id, command);
    department.update(command.name(), command.parentId(), command.headUserId());
    return DepartmentView.of(departments.saveAndFlush(department));
  }

  /** Deletes an empty department: no sub-departments, no members. */
  @Transactional
  public void delete(long id, Long expectedVersion) {
    policy.requireAdministrator("DEPARTMENTS");
    Department department = require(id);
    Versions.check("Department", id, department.getVersion(), expectedVersion);
    if (departments.existsByParentId(id)) {
      throw new ConflictException("Department " + id + " has sub-departments; move them first");
    }
    if (users.existsByDepartmentId(id)) {
      throw new ConflictException("Department " + id + " still has members; move them first");
    }
    departments.delete(department);
    departments.flush();
  }

  /** Puts a user into a department ({@code null}: into none). */
  @Transactional
  public UserView moveUser(long userId, Long departmentId) {
    policy.requireAdministrator("DEPARTMENTS");
    User user = users.findById(userId).orElseThrow(() -> new NotFoundException("User", userId));
    if (departmentId != null && !departments.existsById(departmentId)) {
      throw new InvalidFieldException(
          "departmentId", "department " + departmentId + " does not exist");
    }
    user.moveToDepartment(departmentId);
    return UserView.of(users.saveAndFlush(user));
  }

  /** Marks a user at work or away; the user himself or an administrator may. */
  @Transactional
  public UserView changePresence(long userId, Presence presence) {
    policy.requireSelfOrAdministrator(userId, "PRESENCE");
    if (presence == null) {
      throw new InvalidFieldException("presence", "must be one of [WORKING, AWAY]");
    }
    User user = users.findById(userId).orElseThrow(() -> new NotFoundException("User", userId));
    user.changePresence(presence);
    return UserView.of(users.saveAndFlush(user));
  }

  private void checkReferences(Long id, DepartmentCommand command) {
    if (command.headUserId() != null && !users.existsById(command.headUserId())) {
      throw new InvalidFieldException(
          "headUserId", "user " + command.headUserId() + " does not exist");
    }
    Long parent = command.parentId();
    if (parent == null) {
      return;
    }
    Set<Long> seen = new HashSet<>();
    for (Long current = parent; current != null; ) {
      if (current.equals(id)) {
        throw new InvalidFieldException(
            "parentId", "department " + parent + " is this department or one below it");
      }
      if (!seen.add(current)) {
        break;
      }
      Long at = current;
      current =
          departments
              .findById(at)
              .orElseThrow(
                  () ->
                      new InvalidFieldException("parentId", "department " + at + " does not exist"))
              .getParentId();
    }
  }

  private Department require(long id) {
    return departments.findById(id).orElseThrow(() -> new NotFoundException("Department", id));
  }
}
