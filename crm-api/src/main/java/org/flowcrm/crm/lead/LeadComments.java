package org.flowcrm.crm.lead;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface LeadComments extends JpaRepository<LeadComment, Long> {

  List<LeadComment> findByLeadIdOrderByCreatedAtAscIdAsc(long leadId);
}
