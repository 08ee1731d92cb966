package org.flowcrm.crm.assignment;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AssignmentRules extends JpaRepository<AssignmentRule, Long> {

  List<AssignmentRule> findAllByOrderByPositionAscIdAsc();

  @Query("select coalesce(max(r.position), -1) from AssignmentRule r")
  int maxPosition();
}
