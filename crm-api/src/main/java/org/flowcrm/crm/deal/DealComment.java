package org.flowcrm.crm.deal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A comment on a deal. */
@Entity
@Table(name = "crm_deal_comment")
class DealComment {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "deal_id", nullable = false)
  private Long dealId;

  @Column(name = "author_id")
  private Long authorId;

  @Column(name = "text", nullable = false, length = 10000)
  private String text;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected DealComment() {}

  DealComment(long dealId, Long authorId, String text) {
    this.dealId = dealId;
    this.authorId = authorId;
    this.text = text;
    this.createdAt = Instant.now();
  }

  Long getId() {
    return id;
  }

  Long getAuthorId() {
    return authorId;
  }

  String getText() {
    return text;
  }

  Instant getCreatedAt() {
    return createdAt;
  }
}
