package org.flowcrm.crm.activity;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface Activities extends JpaRepository<Activity, Long> {

  java.util.Optional<Activity> findByDedupeKey(String dedupeKey);

  List<Activity> findByReminderSentAtIsNullAndReminderAtLessThanEqualAndCompletedFalse(
      Instant until);
}
