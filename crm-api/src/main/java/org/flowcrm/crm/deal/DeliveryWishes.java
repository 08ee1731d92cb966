package org.flowcrm.crm.deal;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * The client's delivery wishes on a deal: where, which day, in which time window, and a note for
 * the courier. The courier-delivery process hands them to the courier's task. Blank texts are kept
 * as {@code null}.
 */
public record DeliveryWishes(
    @Schema(example = "ul. Prosta 1, 00-001 Warszawa") @Size(max = 500) String address,
    @Schema(example = "2026-03-05") LocalDate date,
    @Schema(example = "10:00-14:00") @Size(max = 50) String timeWindow,
    @Schema(example = "Call 30 minutes before") @Size(max = 2000) String note) {

  /** No wishes: what clears them in a command. */
  public static final DeliveryWishes NONE = new DeliveryWishes(null, null, null, null);

  public DeliveryWishes {
    address = blankAsNull(address);
    timeWindow = blankAsNull(timeWindow);
    note = blankAsNull(note);
  }

  /** True when the client said nothing about the delivery. */
  public boolean none() {
    return address == null && date == null && timeWindow == null && note == null;
  }

  private static String blankAsNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
