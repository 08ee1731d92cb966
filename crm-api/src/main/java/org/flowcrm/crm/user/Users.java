package org.flowcrm.crm.user;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface Users extends JpaRepository<User, Long> {

  Optional<User> findByLogin(String login);

  List<User> findByActiveOrderByDisplayName(boolean active);

  List<User> findAllByOrderByDisplayName();

  boolean existsByDepartmentId(long departmentId);
}
