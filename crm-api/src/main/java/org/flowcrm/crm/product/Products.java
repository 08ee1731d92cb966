package org.flowcrm.crm.product;

import org.springframework.data.jpa.repository.JpaRepository;

interface Products extends JpaRepository<Product, Long> {

  boolean existsBySectionId(long sectionId);
}
