package org.flowcrm.crm.mail.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.flowcrm.crm.link.ItemType;
import org.flowcrm.crm.mail.MailDeliveryException;
import org.flowcrm.crm.mail.MailRequest;
import org.flowcrm.crm.mail.MailService;
import org.flowcrm.crm.mail.OutboundMailView;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sending mail from the CRM: a template for a record, or an invoice with its PDF. Each request
 * sends once; a client that may repeat a request (a retry after a timeout) passes the same {@code
 * Idempotency-Key} header and gets the first mail back.
 */
@RestController
class MailController {

  private final MailService mails;

  MailController(MailService mails) {
    this.mails = mails;
  }

  /** Sends a template for a record (recipient defaults to its contact). */
  @PostMapping("/api/v1/mails")
  OutboundMailView send(
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      @Valid @RequestBody SendTemplate body) {
    return mails.send(
        new MailRequest(
            body.template(),
            body.entityType(),
            body.entityId(),
            body.documentId(),
            body.recipient(),
            body.locale(),
            key("api", idempotencyKey)));
  }

  /** The mails sent for a record, newest first. */
  @GetMapping("/api/v1/mails")
  List<OutboundMailView> sentFor(@RequestParam ItemType itemType, @RequestParam long itemId) {
    return mails.sentFor(itemType, itemId);
  }

  /** Mails the invoice to its payer (or {@code recipient}) with the PDF attached. */
  @PostMapping("/api/v1/invoices/{id}/send")
  OutboundMailView sendInvoice(
      @PathVariable long id,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      @Valid @RequestBody(required = false) SendInvoice body) {
    SendInvoice options = body == null ? new SendInvoice(null, null) : body;
    return mails.sendInvoice(
        id, options.recipient(), options.locale(), key("invoice:" + id, idempotencyKey));
  }

  @ExceptionHandler(MailDeliveryException.class)
  ProblemDetail deliveryFailed(MailDeliveryException ex) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, ex.getMessage());
    problem.setTitle("The mail server did not take the mail");
    return problem;
  }

  private static String key(String prefix, String idempotencyKey) {
    String key =
        idempotencyKey == null || idempotencyKey.isBlank()
            ? UUID.randomUUID().toString()
            : idempotencyKey.strip();
    return prefix + ":" + (key.length() > 150 ? key.substring(0, 150) : key);
  }

  /** A template to send for a record. */
  record SendTemplate(
      @NotBlank @Size(max = 100) String template,
      @NotNull ItemType entityType,
      @NotNull Long entityId,
      Long documentId,
      @Size(max = 2000) String recipient,
      String locale) {}

  /** Optional: another recipient or language than the payer's default. */
  record SendInvoice(@Size(max = 2000) String recipient, String locale) {}
}
