package org.flowcrm.crm.lead;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface Leads extends JpaRepository<Lead, Long> {

  Optional<Lead> findFirstByProcessInstanceKey(long processInstanceKey);
}
