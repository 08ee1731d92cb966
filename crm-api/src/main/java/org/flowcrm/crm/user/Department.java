package org.flowcrm.crm.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.flowcrm.crm.shared.AggregateRoot;

/**
 * A department: part of a tree ({@code parentId}), with an optional head who sees it and every
 * department below it when his role's scope is DEPARTMENT_AND_SUBS.
 */
@Entity
@Table(name = "crm_department")
class Department extends AggregateRoot<Department> {

  @Column(name = "name", nullable = false, length = 200)
  private String name;

  @Column(name = "parent_id")
  private Long parentId;

  @Column(name = "head_user_id")
  private Long headUserId;

  protected Department() {}

  Department(String name, Long parentId, Long headUserId) {
    update(name, parentId, headUserId);
  }

  void update(String name, Long parentId, Long headUserId) {
    this.name = name;
    this.parentId = parentId;
    this.headUserId = headUserId;
    touch();
  }

  String getName() {
    return name;
  }

  Long getParentId() {
    return parentId;
  }

  Long getHeadUserId() {
    return headUserId;
  }
}
