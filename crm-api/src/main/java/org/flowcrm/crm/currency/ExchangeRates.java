package org.flowcrm.crm.currency;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ExchangeRates extends JpaRepository<ExchangeRate, Long> {

  List<ExchangeRate> findByCurrencyCodeOrderByValidFromDescIdDesc(String currencyCode);
}
