package org.flowcrm.crm.customfield;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface CustomFields extends JpaRepository<CustomField, Long> {

  List<CustomField> findByEntityOrderByPositionAscIdAsc(CustomizableEntity entity);

  Optional<CustomField> findByEntityAndCode(CustomizableEntity entity, String code);

  boolean existsByEntityAndCode(CustomizableEntity entity, String code);
}
