package org.flowcrm.crm.notification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface Notifications extends JpaRepository<Notification, Long> {

  Optional<Notification> findByDedupeKey(String dedupeKey);

  Optional<Notification> findByIdAndRecipientId(long id, long recipientId);

  List<Notification> findByRecipientIdAndIdLessThanOrderByIdDesc(
      long recipientId, long beforeId, Limit limit);

  List<Notification> findByRecipientIdAndReadAtIsNullAndIdLessThanOrderByIdDesc(
      long recipientId, long beforeId, Limit limit);

  long countByRecipientIdAndReadAtIsNull(long recipientId);

  @Modifying
  @Query(
      "UPDATE Notification n SET n.readAt = :now"
          + " WHERE n.recipientId = :recipientId AND n.readAt IS NULL")
  int markAllRead(long recipientId, Instant now);
}
