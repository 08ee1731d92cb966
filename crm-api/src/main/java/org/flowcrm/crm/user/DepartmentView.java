package org.flowcrm.crm.user;

/** A department as the API shows it. */
public record DepartmentView(long id, long version, String name, Long parentId, Long headUserId) {

  static DepartmentView of(Department department) {
    return new DepartmentView(
        department.getId(),
        department.getVersion(),
        department.getName(),
        department.getParentId(),
        department.getHeadUserId());
  }
}
