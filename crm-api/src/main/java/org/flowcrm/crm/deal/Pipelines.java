package org.flowcrm.crm.deal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface Pipelines extends JpaRepository<Pipeline, Long> {

  List<Pipeline> findAllByOrderBySortOrderAscIdAsc();

  Optional<Pipeline> findFirstByDefaultPipelineTrue();
}
