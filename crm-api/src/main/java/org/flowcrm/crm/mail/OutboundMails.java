package org.flowcrm.crm.mail;

import java.util.List;
import java.util.Optional;
import org.flowcrm.crm.link.ItemType;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

interface OutboundMails extends JpaRepository<OutboundMail, Long> {

  Optional<OutboundMail> findByDedupeKey(String dedupeKey);

  List<OutboundMail> findByItemTypeAndItemIdOrderByIdDesc(
      ItemType itemType, long itemId, Limit limit);
}
