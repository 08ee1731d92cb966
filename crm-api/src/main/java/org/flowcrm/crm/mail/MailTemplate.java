package org.flowcrm.crm.mail;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.flowcrm.crm.shared.AggregateRoot;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A mail template: Freemarker subject (plain text) and body (HTML), per code and locale. */
@Entity
@Table(name = "crm_mail_template")
class MailTemplate extends AggregateRoot<MailTemplate> {

  @Column(name = "code", nullable = false, length = 100)
  private String code;

  @Column(name = "locale", nullable = false, length = 20)
  private String locale;

  @Column(name = "name", nullable = false, length = 255)
  private String name;

  @Column(name = "subject", nullable = false, length = 1000)
  private String subject;

  @Column(name = "body", nullable = false, length = 16_000_000)
  private String body;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "document_type", length = 10)
  private MailDocument documentType;

  protected MailTemplate() {}

  MailTemplate(MailTemplateCommand command) {
    update(command);
  }

  void update(MailTemplateCommand c) {
    this.code = c.code();
    this.locale = c.effectiveLocale();
    this.name = c.name();
    this.subject = c.subject();
    this.body = c.body();
    this.documentType = c.documentType();
    touch();
  }

  String getCode() {
    return code;
  }

  String getLocale() {
    return locale;
  }

  String getName() {
    return name;
  }

  String getSubject() {
    return subject;
  }

  String getBody() {
    return body;
  }

  MailDocument getDocumentType() {
    return documentType;
  }
}
