package org.flowcrm.ui.admin;

import org.flowcrm.crm.mail.MailTemplateView;

/** The mail template form: what an administrator changes (code, locale and document stay). */
public class MailTemplateAdminForm {

  private String name;
  private String subject;
  private String body;
  private Long version;

  static MailTemplateAdminForm of(MailTemplateView template) {
    MailTemplateAdminForm form = new MailTemplateAdminForm();
    form.name = template.name();
    form.subject = template.subject();
    form.body = template.body();
    form.version = template.version();
    return form;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getSubject() {
    return subject;
  }

  public void setSubject(String subject) {
    this.subject = subject;
  }

  public String getBody() {
    return body;
  }

  public void setBody(String body) {
    this.body = body;
  }

  public Long getVersion() {
    return version;
  }

  public void setVersion(Long version) {
    this.version = version;
  }
}
