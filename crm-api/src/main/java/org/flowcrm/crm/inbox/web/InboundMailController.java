package org.flowcrm.crm.inbox.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.flowcrm.crm.inbox.AttachmentContent;
import org.flowcrm.crm.inbox.AttachmentView;
import org.flowcrm.crm.inbox.ExclusionList;
import org.flowcrm.crm.inbox.InboundMailService;
import org.flowcrm.crm.inbox.InboundMailStatus;
import org.flowcrm.crm.inbox.MailboxUnavailableException;
import org.flowcrm.crm.inbox.PollResult;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Incoming mail: the poller's status, "poll now" and the exclusion list (administrators), and the
 * attachments kept on EMAIL activities (whoever reads the timeline).
 */
@RestController
@RequestMapping("/api/v1/mail/inbound")
class InboundMailController {

  static final String STATUS =
      """
      {"enabled": true, "mailbox": "imap://crm@flowcrm.local@127.0.0.1:3143/INBOX",
       "lastPollAt": "2026-11-29T10:15:00Z", "lastSuccessAt": "2026-11-29T10:15:01Z",
       "lastPollMessages": 3, "totalFiled": 41, "lastError": null, "lastErrorAt": null}""";

  static final String EXCLUSIONS =
      """
      {"patterns": ["newsletter.example.com", "noreply@shop.example.com"],
       "configured": ["mailer-daemon@flowcrm.local"]}""";

  static final String POLLED =
      """
      {"read": 4, "filed": 2, "newLeads": 1, "excluded": 1, "ignored": 0, "duplicates": 0,
       "failed": 0}""";

  static final String ATTACHMENTS =
      """
      [{"id": 7, "activityId": 1812, "fileName": "specification.pdf",
        "contentType": "application/pdf", "size": 48213}]""";

  private final InboundMailService inbound;

  InboundMailController(InboundMailService inbound) {
    this.inbound = inbound;
  }

  @GetMapping("/status")
  @Operation(summary = "The mailbox poller: last poll, mails read, last error (administrators)")
  @ApiResponse(
      responseCode = "200",
      content = @Content(examples = @ExampleObject(name = "status", value = STATUS)))
  InboundMailStatus status() {
    return inbound.status();
  }

  @PostMapping("/poll")
  @Operation(
      summary = "Poll the configured mailbox now (administrators)",
      description = "409 when no mailbox is configured, 502 when it cannot be read.")
  @ApiResponse(
      responseCode = "200",
      content = @Content(examples = @ExampleObject(name = "polled", value = POLLED)))
  PollResult poll() {
    return inbound.pollNow();
  }

  @GetMapping("/exclusions")
  @Operation(summary = "Senders (addresses or domains) whose mail is ignored (administrators)")
  @ApiResponse(
      responseCode = "200",
      content = @Content(examples = @ExampleObject(name = "exclusions", value = EXCLUSIONS)))
  ExclusionList exclusions() {
    return inbound.exclusions();
  }

  @PutMapping("/exclusions")
  @Operation(
      summary = "Replace the administrators' exclusion list; the configured entries stay",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content =
                  @Content(
                      examples =
                          @ExampleObject(
                              name = "exclusions",
                              value =
                                  "{\"patterns\": [\"newsletter.example.com\","
                                      + " \"noreply@shop.example.com\"]}"))))
  @ApiResponse(
      responseCode = "200",
      content = @Content(examples = @ExampleObject(name = "exclusions", value = EXCLUSIONS)))
  ExclusionList replaceExclusions(@RequestBody ExclusionList list) {
    return inbound.replaceExclusions(list);
  }

  @GetMapping("/attachments")
  @Operation(summary = "The attachments of an incoming mail, by its EMAIL activity")
  @ApiResponse(
      responseCode = "200",
      content = @Content(examples = @ExampleObject(name = "attachments", value = ATTACHMENTS)))
  List<AttachmentView> attachments(@RequestParam long activityId) {
    return inbound.attachments(activityId);
  }

  @GetMapping("/attachments/{id}")
  @Operation(summary = "Download an attachment of an incoming mail")
  ResponseEntity<byte[]> attachment(@PathVariable long id) {
    AttachmentContent file = inbound.attachment(id);
    MediaType type;
    try {
      type = MediaType.parseMediaType(file.contentType());
    } catch (IllegalArgumentException e) {
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

  @ExceptionHandler(MailboxUnavailableException.class)
  ResponseEntity<ProblemDetail> unavailable(MailboxUnavailableException e) {
    return ResponseEntity.status(HttpStatus.BAD_GATEWAY)
        .body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, e.getMessage()));
  }
}
