package org.flowcrm.crm.user;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface Departments extends JpaRepository<Department, Long> {

  List<Department> findAllByOrderByNameAscIdAsc();

  boolean existsByParentId(long parentId);
}
