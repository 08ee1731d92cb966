package org.flowcrm.crm.product;

import org.springframework.data.jpa.repository.JpaRepository;

interface ProductSections extends JpaRepository<ProductSection, Long> {

  boolean existsByParentId(long parentId);
}
