package org.flowcrm.ui.layout;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates, numbers and money in the page's language, for templates ({@code fmt.date(x)}). Freemarker
 * does not format {@code java.time} values itself; doing it here keeps one style on every page.
 * Times are shown in the server's zone (one office, one zone, until users get a zone of their own).
 */
@Component("fmt")
public class Formats {

  private final ZoneId zone = ZoneId.systemDefault();

  private static Locale locale() {
    return LocaleContextHolder.getLocale();
  }

  /**
   * A calendar day (a deal's expected close). Not an overload of {@link #date(Instant)}: a null
   * argument in a template could not choose between them.
   */
  public String day(LocalDate date) {
    return date == null
        ? ""
        : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale()).format(date);
  }

  public String date(Instant instant) {
    return instant == null ? "" : day(instant.atZone(zone).toLocalDate());
  }

  public String dateTime(Instant instant) {
    return instant == null
        ? ""
        : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
            .withLocale(locale())
            .format(instant.atZone(zone));
  }

  public String number(BigDecimal value) {
    if (value == null) {
      return "";
    }
    NumberFormat format = NumberFormat.getNumberInstance(locale());
    format.setMinimumFractionDigits(0);
    format.setMaximumFractionDigits(4);
    return format.format(value);
  }

  /** An amount with its currency code, two decimals, grouped as the language groups. */
  public String money(BigDecimal amount, String currency) {
    if (amount == null) {
      return "";
    }
    NumberFormat format = NumberFormat.getNumberInstance(locale());
    int digits = 2;
    try {
      digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
    } catch (IllegalArgumentException | NullPointerException unknown) {
      // A currency Java does not know (the CRM lets an administrator add any code): two decimals.
    }
    format.setMinimumFractionDigits(digits);
    format.setMaximumFractionDigits(digits);
    return format.format(amount) + (currency == null ? "" : " " + currency);
  }

  /** A plain number for form fields and scripts: no grouping, dot as decimal separator. */
  public String plain(BigDecimal value) {
    return value == null ? "" : value.stripTrailingZeros().toPlainString();
  }
}
