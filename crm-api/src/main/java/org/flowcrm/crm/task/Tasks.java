package org.flowcrm.crm.task;

import org.springframework.data.jpa.repository.JpaRepository;

interface Tasks extends JpaRepository<Task, Long> {

  java.util.Optional<Task> findByProcessInstanceKeyAndProcessElementId(
      long processInstanceKey, String processElementId);
}
