package org.flowcrm.crm.deal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface Deals extends JpaRepository<Deal, Long> {

  boolean existsByStageId(long stageId);

  long countByPipelineId(long pipelineId);

  Optional<Deal> findFirstByProcessInstanceKey(long processInstanceKey);

  List<Deal> findBySourceLeadId(long leadId);
}
