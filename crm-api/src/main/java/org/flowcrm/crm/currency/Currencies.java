package org.flowcrm.crm.currency;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface Currencies extends JpaRepository<Currency, String> {

  List<Currency> findAllByOrderBySortOrderAscCodeAsc();

  Optional<Currency> findByBaseTrue();
}
