package org.flowcrm.ui.timeline;

import java.nio.charset.StandardCharsets;
import org.flowcrm.crm.inbox.AttachmentContent;
import org.flowcrm.crm.inbox.InboundMailService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Downloads an incoming mail's attachment from a card's timeline with the signed-in session (the
 * REST API takes no session). 404 unless the user may read the mail's activity, i.e. a record it is
 * linked to.
 */
@Controller
class MailAttachmentController {

  private final InboundMailService mail;

  MailAttachmentController(InboundMailService mail) {
    this.mail = mail;
  }

  @GetMapping("/mail-attachments/{id}")
  ResponseEntity<byte[]> download(@PathVariable long id) {
    AttachmentContent file = mail.attachment(id);
    MediaType type;
    try {
      type = MediaType.parseMediaType(file.contentType());
    } catch (IllegalArgumentException notAType) {
      type = MediaType.APPLICATION_OCTET_STREAM;
    }
    return ResponseEntity.ok()
        .contentType(type)
        // always a download: an attached HTML file must not run in the CRM's origin
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(file.fileName(), StandardCharsets.UTF_8)
                .build()
                .toString())
        .header("X-Content-Type-Options", "nosniff")
        .body(file.content());
  }
}
