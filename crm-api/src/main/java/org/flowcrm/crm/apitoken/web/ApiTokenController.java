package org.flowcrm.crm.apitoken.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.flowcrm.crm.apitoken.ApiTokenCommand;
import org.flowcrm.crm.apitoken.ApiTokenService;
import org.flowcrm.crm.apitoken.ApiTokenView;
import org.flowcrm.crm.apitoken.CreatedApiToken;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's API tokens; administrators also see and revoke everyone's. */
@RestController
@RequestMapping("/api/v1/api-tokens")
class ApiTokenController {

  static final String CREATE_REQUEST =
      """
      {"name": "Nightly ERP sync", "expiresAt": "2027-01-31T00:00:00Z"}""";

  static final String CREATED =
      """
      {"token": {"id": 7, "userId": 12, "userLogin": "manager1", "name": "Nightly ERP sync",
        "prefix": "fcrm_Q2x4bW9", "createdAt": "2026-11-29T10:15:00Z", "lastUsedAt": null,
        "expiresAt": "2027-01-31T00:00:00Z", "revokedAt": null, "active": true},
       "secret": "fcrm_Q2x4bW9kZXJfZXhhbXBsZV9zZWNyZXRfbm90X3JlYWw"}""";

  static final String LIST =
      """
      [{"id": 7, "userId": 12, "userLogin": "manager1", "name": "Nightly ERP sync",
        "prefix": "fcrm_Q2x4bW9", "createdAt": "2026-11-29T10:15:00Z",
        "lastUsedAt": "2026-11-30T02:00:04Z", "expiresAt": "2027-01-31T00:00:00Z",
        "revokedAt": null, "active": true}]""";

  static final String REVOKED =
      """
      {"id": 7, "userId": 12, "userLogin": "manager1", "name": "Nightly ERP sync",
       "prefix": "fcrm_Q2x4bW9", "createdAt": "2026-11-29T10:15:00Z",
       "lastUsedAt": "2026-11-30T02:00:04Z", "expiresAt": "2027-01-31T00:00:00Z",
       "revokedAt": "2026-12-01T09:00:00Z", "active": false}""";

  private final ApiTokenService tokens;

  ApiTokenController(ApiTokenService tokens) {
    this.tokens = tokens;
  }

  @GetMapping
  @Operation(
      summary = "The caller's API tokens (all users' with all=true, administrators only)",
      description = "Never returns secrets, only each token's first characters.")
  @ApiResponse(
      responseCode = "200",
      content = @Content(examples = @ExampleObject(name = "tokens", value = LIST)))
  List<ApiTokenView> list(
      @Parameter(description = "true: every user's tokens (administrators only)")
          @RequestParam(defaultValue = "false")
          boolean all) {
    return all ? tokens.all() : tokens.mine();
  }

  @PostMapping
  @Operation(
      summary = "Create an API token for yourself",
      description =
          "The answer's secret is shown this once; send it as 'Authorization: Bearer <secret>'.",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content =
                  @Content(examples = @ExampleObject(name = "token", value = CREATE_REQUEST))))
  @ApiResponse(
      responseCode = "201",
      content = @Content(examples = @ExampleObject(name = "created", value = CREATED)))
  ResponseEntity<CreatedApiToken> create(@Valid @RequestBody ApiTokenCommand command) {
    CreatedApiToken created = tokens.create(command);
    return ResponseEntity.created(URI.create("/api/v1/api-tokens/" + created.token().id()))
        .body(created);
  }

  @DeleteMapping("/{id}")
  @Operation(summary = "Revoke a token: yours, or anyone's for an administrator")
  @ApiResponse(
      responseCode = "200",
      content = @Content(examples = @ExampleObject(name = "revoked", value = REVOKED)))
  ApiTokenView revoke(@PathVariable long id) {
    return tokens.revoke(id);
  }
}
