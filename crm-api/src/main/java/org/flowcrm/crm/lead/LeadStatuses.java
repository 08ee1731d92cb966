package org.flowcrm.crm.lead;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface LeadStatuses extends JpaRepository<LeadStatus, Long> {

  Optional<LeadStatus> findByCode(String code);

  List<LeadStatus> findAllByOrderBySortOrderAscIdAsc();

  Optional<LeadStatus> findFirstBySemanticOrderBySortOrderAscIdAsc(StatusSemantic semantic);
}
