package org.flowcrm.crm.webhook;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * A subscription as an administrator registers or changes it. The service validates every field
 * (422 naming it); on a change a missing {@code secret} keeps the current one.
 */
public record WebhookCommand(
    @Schema(example = "https://erp.example.com/hooks/flowcrm") String url,
    @Schema(example = "[\"deal.won\", \"invoice.paid\"]") List<String> events,
    @Schema(
            example = "9f2c4e1b7a6d4c3e8b5a0f1e2d3c4b5a",
            description = "At least 16 characters; used for the HMAC-SHA256 signature")
        String secret,
    @Schema(example = "ERP order sync") String description,
    @Schema(example = "true", description = "Defaults to true") Boolean active) {}
