package org.flowcrm.crm.lead;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A comment on a lead. */
@Entity
@Table(name = "crm_lead_comment")
class LeadComment {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "lead_id", nullable = false)
  private Long leadId;

  @Column(name = "author_id")
  private Long authorId;

  @Column(name = "text", nullable = false, length = 10000)
  private String text;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected LeadComment() {}

  LeadComment(long leadId, Long authorId, String text) {
    this.leadId = leadId;
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
