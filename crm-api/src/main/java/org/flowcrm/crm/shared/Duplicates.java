package org.flowcrm.crm.shared;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Finds records that share an e-mail address or a phone number with a new one, so that the UI can
 * warn before a duplicate is created. E-mails compare case-insensitively through their index;
 * phones by their last nine digits through the full-text index, so {@code +49 151 23456789} and
 * {@code 0151 23456789} are the same number.
 */
public final class Duplicates {

  /** Digits compared: enough to tell numbers apart, few enough to ignore country prefixes. */
  static final int PHONE_DIGITS = 9;

  private Duplicates() {}

  /**
   * Ids (at most {@code limit}) of records of one feature: {@code emailTable} has {@code
   * (ownerColumn, email)}, {@code table} has {@code id} and a FULLTEXT {@code search_text}.
   */
  public static List<Long> find(
      JdbcTemplate jdbc,
      String table,
      String emailTable,
      String ownerColumn,
      Collection<String> emails,
      Collection<String> phones,
      int limit) {
    List<String> parts = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    List<String> cleanEmails =
        emails.stream()
            .filter(Objects::nonNull)
            .map(String::trim)
            .filter(e -> !e.isEmpty())
            .toList();
    if (!cleanEmails.isEmpty()) {
      parts.add(
          "SELECT "
              + ownerColumn
              + " AS id FROM "
              + emailTable
              + " WHERE email IN ("
              + String.join(", ", java.util.Collections.nCopies(cleanEmails.size(), "?"))
              + ")");
      params.addAll(cleanEmails);
    }
    for (String phone : phones) {
      String key = phoneKey(phone);
      if (key != null) {
        parts.add(
            "SELECT id FROM " + table + " WHERE MATCH (search_text) AGAINST (? IN BOOLEAN MODE)");
        params.add("+" + key);
      }
    }
    if (parts.isEmpty()) {
      return List.of();
    }
    params.add(limit);
    return jdbc.queryForList(
        "SELECT DISTINCT id FROM (" + String.join(" UNION ", parts) + ") d ORDER BY id LIMIT ?",
        Long.class,
        params.toArray());
  }

  /** The last digits of a phone number, or {@code null} when it has too few to compare. */
  static String phoneKey(String phone) {
    if (phone == null) {
      return null;
    }
    String digits = phone.replaceAll("\\D", "");
    if (digits.length() < 7) {
      return null;
    }
    return digits.length() > PHONE_DIGITS
        ? digits.substring(digits.length() - PHONE_DIGITS)
        : digits;
  }
}
