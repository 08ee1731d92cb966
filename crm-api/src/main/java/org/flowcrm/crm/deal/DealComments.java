package org.flowcrm.crm.deal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface DealComments extends JpaRepository<DealComment, Long> {

  List<DealComment> findByDealIdOrderByCreatedAtAscIdAsc(long dealId);
}
