package org.flowcrm.crm.shared;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Search across name, e-mail, phone and company through one MariaDB {@code FULLTEXT} index per
 * table: each record keeps a {@code search_text} column built here, and a query becomes a boolean
 * mode prefix search ({@code +ivan* +acme*}).
 *
 * <p>InnoDB splits e-mails at {@code @} and dots, so any part of an address is found by its first
 * letters. Phone numbers are indexed as written, as digits only, and as every trailing run of at
 * least four digits, so {@code +49 151}, {@code 4915123} and {@code 6789} all find {@code +49 151
 * 2345 6789}.
 */
public final class FullText {

  /** InnoDB's default {@code innodb_ft_min_token_size}: shorter words are not indexed. */
  public static final int MIN_TOKEN = 3;

  private static final Pattern SPLIT = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final Pattern PHONE_QUERY = Pattern.compile("[+\\d\\s().\\-/]+");
  private static final Set<String> STOPWORDS =
      Set.of(
          "about", "are", "com", "for", "from", "how", "that", "the", "this", "was", "what", "when",
          "where", "who", "will", "with", "und", "www");
  private static final int MAX_LENGTH = 8000;

  private final Set<String> parts = new LinkedHashSet<>();

  public static FullText document() {
    return new FullText();
  }

  /** Adds words (names, e-mail addresses, a company name); {@code null}s are skipped. */
  public FullText add(String... texts) {
    for (String text : texts) {
      if (text != null && !text.isBlank()) {
        parts.add(text.trim());
      }
    }
    return this;
  }

  /** Adds a phone number so that its prefix, its digits and its last digits are searchable. */
  public FullText addPhone(String phone) {
    if (phone == null || phone.isBlank()) {
      return this;
    }
    parts.add(phone.trim());
    String digits = phone.replaceAll("\\D", "");
    if (digits.length() >= MIN_TOKEN) {
      parts.add(digits);
      for (int i = 1; i <= digits.length() - 4; i++) {
        parts.add(digits.substring(i));
      }
    }
    return this;
  }

  /** The text for the {@code search_text} column. */
  public String build() {
    String text = String.join(" ", parts);
    return text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) : text;
  }

  /**
   * The {@code AGAINST(? IN BOOLEAN MODE)} argument for what a user typed, or {@code null} when
   * nothing in it is long enough to be indexed (then search by name prefix instead).
   */
  public static String booleanQuery(String q) {
    if (q == null || q.isBlank()) {
      return null;
    }
    String trimmed = q.trim();
    String digits = trimmed.replaceAll("\\D", "");
    if (PHONE_QUERY.matcher(trimmed).matches() && digits.length() >= MIN_TOKEN) {
      return digits + "*";
    }
    List<String> terms = new ArrayList<>();
    for (String token : SPLIT.split(trimmed.toLowerCase(Locale.ROOT))) {
      if (token.length() >= MIN_TOKEN && !STOPWORDS.contains(token)) {
        terms.add("+" + token + "*");
      }
    }
    return terms.isEmpty() ? null : String.join(" ", terms);
  }

  /** A {@code LIKE} pattern matching values that start with {@code prefix}, wildcards escaped. */
  public static String likePrefix(String prefix) {
    return prefix.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }
}
