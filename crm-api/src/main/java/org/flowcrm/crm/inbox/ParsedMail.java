package org.flowcrm.crm.inbox;

import java.time.Instant;
import java.util.List;

/**
 * A mail as the CRM files it: sender, subject, plain-text body (HTML converted to text),
 * attachments, and the first attached mail ({@code message/rfc822}), which a forward carries.
 */
record ParsedMail(
    String messageId,
    String fromAddress,
    String fromName,
    List<String> to,
    String subject,
    Instant sentAt,
    String text,
    List<Attachment> attachments,
    ParsedMail attachedMail) {

  record Attachment(String fileName, String contentType, byte[] content) {

    boolean isVCard() {
      String name = fileName.toLowerCase(java.util.Locale.ROOT);
      String type = contentType.toLowerCase(java.util.Locale.ROOT);
      return name.endsWith(".vcf")
          || name.endsWith(".vcard")
          || type.startsWith("text/vcard")
          || type.startsWith("text/x-vcard");
    }
  }
}
