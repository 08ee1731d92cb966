package org.flowcrm.crm.quote;

import org.springframework.data.jpa.repository.JpaRepository;

interface Quotes extends JpaRepository<Quote, Long> {}
