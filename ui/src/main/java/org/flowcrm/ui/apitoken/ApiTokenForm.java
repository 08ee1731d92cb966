package org.flowcrm.ui.apitoken;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.springframework.validation.BindingResult;

/**
 * The "new token" form. The expiry is a calendar day (the browser's date input) kept as the typed
 * text, so a value that is no date comes back as our message at the field instead of Spring's
 * conversion error; that the day lies in the future is the service's to check.
 */
public class ApiTokenForm {

  private String name = "";
  private String expiresOn = "";

  /**
   * The end of the chosen day in the server's zone (the zone the pages show times in), so a token
   * "expiring on 31 January" still works all that day; null for a token that never expires or when
   * the text is no date (then the reason is in {@code errors}).
   */
  Instant expiresAt(BindingResult errors) {
    if (expiresOn == null || expiresOn.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(expiresOn.strip())
          .plusDays(1)
          .atStartOfDay(ZoneId.systemDefault())
          .toInstant();
    } catch (DateTimeParseException notADate) {
      errors.rejectValue("expiresOn", "apiToken.field.notADate");
      return null;
    }
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getExpiresOn() {
    return expiresOn;
  }

  public void setExpiresOn(String expiresOn) {
    this.expiresOn = expiresOn;
  }
}
