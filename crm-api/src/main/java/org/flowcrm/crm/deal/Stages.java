package org.flowcrm.crm.deal;

import org.springframework.data.jpa.repository.JpaRepository;

interface Stages extends JpaRepository<Stage, Long> {}
