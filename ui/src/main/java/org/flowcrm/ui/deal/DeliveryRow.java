package org.flowcrm.ui.deal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flowcrm.crm.deal.DeliveryWishes;
import org.flowcrm.crm.shared.InvalidFieldException;
import org.flowcrm.ui.record.AddressRow;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The client's delivery wishes as the deal form and the card edit them: the time window as two
 * times, from and to, which become the service's one text {@code 10:00-14:00}. A window the API or
 * an online store stored as free text ("after 17:00") is no from–to; it is kept as it is until
 * someone gives a from and a to.
 */
public class DeliveryRow {

  private static final Pattern WINDOW =
      Pattern.compile("\\s*(\\d{1,2})(?::(\\d{2}))?\\s*[-–—]\\s*(\\d{1,2})(?::(\\d{2}))?\\s*");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  private String address;

  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
  private LocalDate date;

  @DateTimeFormat(
      pattern = "HH:mm",
      fallbackPatterns = {"H:mm", "HH:mm:ss"})
  private LocalTime from;

  @DateTimeFormat(
      pattern = "HH:mm",
      fallbackPatterns = {"H:mm", "HH:mm:ss"})
  private LocalTime to;

  private String note;

  /** A stored window that is no from–to, kept while from and to are left empty. */
  private String otherWindow;

  static DeliveryRow of(DeliveryWishes wishes) {
    DeliveryRow row = new DeliveryRow();
    if (wishes == null) {
      return row;
    }
    row.address = wishes.address();
    row.date = wishes.date();
    row.note = wishes.note();
    LocalTime[] window = window(wishes.timeWindow());
    if (window == null) {
      row.otherWindow = wishes.timeWindow();
    } else {
      row.from = window[0];
      row.to = window[1];
    }
    return row;
  }

  /** {@code 10:00-14:00} (or {@code 9-12}) as from and to; {@code null} for anything else. */
  static LocalTime[] window(String text) {
    if (text == null) {
      return null;
    }
    Matcher m = WINDOW.matcher(text);
    if (!m.matches()) {
      return null;
    }
    try {
      return new LocalTime[] {
        LocalTime.of(
            Integer.parseInt(m.group(1)), m.group(2) == null ? 0 : Integer.parseInt(m.group(2))),
        LocalTime.of(
            Integer.parseInt(m.group(3)), m.group(4) == null ? 0 : Integer.parseInt(m.group(4)))
      };
    } catch (DateTimeException notATime) {
      return null;
    }
  }

  /**
   * The wishes to save. A window needs both ends, and its end after its start: refused at the field
   * ({@code delivery.from}, {@code delivery.to}) with the message {@code text} gives for the key.
   */
  DeliveryWishes toWishes(UnaryOperator<String> text) {
    String window = otherWindow;
    if (from != null || to != null) {
      if (from == null) {
        throw new InvalidFieldException("delivery.from", text.apply("deal.delivery.window.both"));
      }
      if (to == null) {
        throw new InvalidFieldException("delivery.to", text.apply("deal.delivery.window.both"));
      }
      if (!from.isBefore(to)) {
        throw new InvalidFieldException("delivery.to", text.apply("deal.delivery.window.order"));
      }
      window = TIME.format(from) + "-" + TIME.format(to);
    }
    return new DeliveryWishes(AddressRow.trim(address), date, window, AddressRow.trim(note));
  }

  public String getAddress() {
    return address;
  }

  public void setAddress(String address) {
    this.address = address;
  }

  public LocalDate getDate() {
    return date;
  }

  public void setDate(LocalDate date) {
    this.date = date;
  }

  public LocalTime getFrom() {
    return from;
  }

  public void setFrom(LocalTime from) {
    this.from = from;
  }

  public LocalTime getTo() {
    return to;
  }

  public void setTo(LocalTime to) {
    this.to = to;
  }

  public String getNote() {
    return note;
  }

  public void setNote(String note) {
    this.note = note;
  }

  public String getOtherWindow() {
    return otherWindow;
  }

  public void setOtherWindow(String otherWindow) {
    this.otherWindow = otherWindow;
  }
}
