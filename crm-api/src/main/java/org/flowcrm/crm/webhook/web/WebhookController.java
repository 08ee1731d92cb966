package org.flowcrm.crm.webhook.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.util.List;
import org.flowcrm.crm.webhook.DeliveryView;
import org.flowcrm.crm.webhook.WebhookCommand;
import org.flowcrm.crm.webhook.WebhookService;
import org.flowcrm.crm.webhook.WebhookView;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Webhook subscriptions and their delivery log; administrators only. */
@RestController
@RequestMapping("/api/v1/webhooks")
class WebhookController {

  static final String REQUEST =
      """
      {"url": "https://erp.example.com/hooks/flowcrm",
       "events": ["deal.won", "invoice.paid"],
       "secret": "9f2c4e1b7a6d4c3e8b5a0f1e2d3c4b5a",
       "description": "ERP order sync", "active": true}""";

  static final String WEBHOOK =
      """
      {"id": 3, "url": "https://erp.example.com/hooks/flowcrm",
       "events": ["deal.won", "invoice.paid"], "description": "ERP order sync", "active": true,
       "createdAt": "2026-11-29T10:15:00Z", "updatedAt": "2026-11-29T10:15:00Z"}""";

  static final String INVALID =
      """
      {"type": "about:blank", "title": "Unprocessable Content", "status": 422,
       "detail": "url: must be an http:// or https:// URL; events[0]: unknown event 'deal.moved'",
       "errors": [{"field": "url", "message": "must be an http:// or https:// URL"},
                  {"field": "events[0]", "message": "unknown event 'deal.moved'; known: [...]"}]}""";

  static final String DELIVERIES =
      """
      [{"id": 41, "deliveryId": "0b7e6a52-3f3c-4d7e-9a55-4f1f7f0f8c21",
        "eventId": "5d1c2a9e-8b0f-4f4a-a3a4-1e2f3a4b5c6d", "event": "deal.won",
        "recordType": "DEAL", "recordId": 1207, "occurredAt": "2026-11-29T10:20:00Z",
        "status": "PENDING", "attempts": 2, "nextAttemptAt": "2026-11-29T10:23:01Z",
        "lastAttemptAt": "2026-11-29T10:21:01Z", "lastResponseCode": 503,
        "lastResponseBody": "Service Unavailable", "lastError": "HTTP 503"}]""";

  static final String REDELIVERED =
      """
      {"id": 41, "deliveryId": "0b7e6a52-3f3c-4d7e-9a55-4f1f7f0f8c21",
       "eventId": "5d1c2a9e-8b0f-4f4a-a3a4-1e2f3a4b5c6d", "event": "deal.won",
       "recordType": "DEAL", "recordId": 1207, "occurredAt": "2026-11-29T10:20:00Z",
       "status": "PENDING", "attempts": 0, "nextAttemptAt": "2026-11-30T08:00:00Z",
       "lastAttemptAt": "2026-11-29T12:28:05Z", "lastResponseCode": 503,
       "lastResponseBody": "Service Unavailable", "lastError": "HTTP 503"}""";

  private final WebhookService webhooks;

  WebhookController(WebhookService webhooks) {
    this.webhooks = webhooks;
  }

  @GetMapping
  @Operation(summary = "All webhook subscriptions (secrets are never shown)")
  @ApiResponse(
      responseCode = "200",
      content = @Content(examples = @ExampleObject(name = "webhooks", value = "[" + WEBHOOK + "]")))
  List<WebhookView> list() {
    return webhooks.list();
  }

  @PostMapping
  @Operation(
      summary = "Subscribe a URL to events",
      description =
          "Events: lead.created, lead.updated, contact.created, contact.updated, company.created,"
              + " company.updated, deal.created, deal.updated, deal.stage_changed, deal.won,"
              + " deal.lost, invoice.paid.",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = @Content(examples = @ExampleObject(name = "webhook", value = REQUEST))))
  @ApiResponse(
      responseCode = "201",
      content = @Content(examples = @ExampleObject(name = "created", value = WEBHOOK)))
  @ApiResponse(
      responseCode = "422",
      content = @Content(examples = @ExampleObject(name = "invalid", value = INVALID)))
  ResponseEntity<WebhookView> create(@RequestBody WebhookCommand command) {
    WebhookView created = webhooks.create(command);
    return ResponseEntity.created(URI.create("/api/v1/webhooks/" + created.id())).body(created);
  }

  @GetMapping("/{id}")
  @ApiResponse(
      responseCode = "200",
      content = @Content(examples = @ExampleObject(name = "webhook", value = WEBHOOK)))
  WebhookView get(@PathVariable long id) {
    return webhooks.get(id);
  }

  @PutMapping("/{id}")
  @Operation(
      summary = "Change a subscription; a missing secret keeps the current one",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = @Content(examples = @ExampleObject(name = "webhook", value = REQUEST))))
  @ApiResponse(
      responseCode = "200",
      content = @Content(examples = @ExampleObject(name = "changed", value = WEBHOOK)))
  WebhookView update(@PathVariable long id, @RequestBody WebhookCommand command) {
    return webhooks.update(id, command);
  }

  @DeleteMapping("/{id}")
  @Operation(summary = "Delete a subscription and its delivery log")
  ResponseEntity<Void> delete(@PathVariable long id) {
    webhooks.delete(id);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/{id}/deliveries")
  @Operation(summary = "The subscription's deliveries, newest first")
  @ApiResponse(
      responseCode = "200",
      content = @Content(examples = @ExampleObject(name = "deliveries", value = DELIVERIES)))
  List<DeliveryView> deliveries(
      @PathVariable long id, @RequestParam(defaultValue = "50") int limit) {
    return webhooks.deliveries(id, limit);
  }

  @PostMapping("/{id}/deliveries/{deliveryId}/redelivery")
  @Operation(summary = "Send a delivery again now, with the same body and delivery id")
  @ApiResponse(
      responseCode = "200",
      content = @Content(examples = @ExampleObject(name = "redelivered", value = REDELIVERED)))
  DeliveryView redeliver(@PathVariable long id, @PathVariable long deliveryId) {
    return webhooks.redeliver(id, deliveryId);
  }
}
