package org.flowcrm.crm.deal;

import java.time.Instant;

/** A comment on a deal. */
public record CommentView(long id, Long authorId, String text, Instant createdAt) {

  static CommentView of(DealComment c) {
    return new CommentView(c.getId(), c.getAuthorId(), c.getText(), c.getCreatedAt());
  }
}
