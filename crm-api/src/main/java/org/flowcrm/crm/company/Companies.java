package org.flowcrm.crm.company;

import org.springframework.data.jpa.repository.JpaRepository;

interface Companies extends JpaRepository<Company, Long> {}
