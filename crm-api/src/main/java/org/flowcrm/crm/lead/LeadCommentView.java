package org.flowcrm.crm.lead;

import java.time.Instant;

/** A comment on a lead. */
public record LeadCommentView(long id, Long authorId, String text, Instant createdAt) {

  static LeadCommentView of(LeadComment c) {
    return new LeadCommentView(c.getId(), c.getAuthorId(), c.getText(), c.getCreatedAt());
  }
}
