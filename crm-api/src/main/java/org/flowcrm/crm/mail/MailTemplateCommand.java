package org.flowcrm.crm.mail;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A mail template. {@code code} is what a process names (e.g. {@code deal.invoice}), {@code locale}
 * a language tag ({@code en}, {@code de-AT}; default {@code en}); {@code subject} (plain text) and
 * {@code body} (HTML, values escaped) are Freemarker templates; {@code documentType} says what the
 * mail's document is (an invoice is attached as PDF).
 */
public record MailTemplateCommand(
    @NotBlank
        @Size(max = 100)
        @Pattern(
            regexp = "[a-z0-9][a-z0-9._-]*",
            message = "must be lower-case letters, digits, dots, dashes or underscores")
        String code,
    @Pattern(regexp = "[a-z]{2,3}(-[A-Z]{2})?", message = "must be a language tag like en or de-AT")
        String locale,
    @NotBlank @Size(max = 255) String name,
    @NotBlank @Size(max = 1000) String subject,
    @NotBlank @Size(max = 1_000_000) String body,
    MailDocument documentType) {

  /** The default locale of templates and mails. */
  public static final String DEFAULT_LOCALE = "en";

  public String effectiveLocale() {
    return locale == null ? DEFAULT_LOCALE : locale;
  }
}
