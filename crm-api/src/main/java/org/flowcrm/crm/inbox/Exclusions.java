package org.flowcrm.crm.inbox;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The senders whose mail the CRM ignores: whole addresses ({@code news@example.com}) or domains
 * ({@code example.com}, also matching its subdomains), from the configuration and from the list
 * administrators keep.
 */
@Component
class Exclusions {

  private final JdbcClient jdbc;
  private final InboundMailSettings settings;

  Exclusions(JdbcClient jdbc, InboundMailSettings settings) {
    this.jdbc = jdbc;
    this.settings = settings;
  }

  boolean excludes(String address) {
    String lower = address.toLowerCase(Locale.ROOT);
    String domain = lower.substring(lower.indexOf('@') + 1);
    for (String pattern : all()) {
      if (pattern.contains("@")) {
        if (pattern.equals(lower)) {
          return true;
        }
      } else if (domain.equals(pattern) || domain.endsWith("." + pattern)) {
        return true;
      }
    }
    return false;
  }

  /** Configured and kept, normalised, sorted. */
  Set<String> all() {
    Set<String> all = new TreeSet<>(stored());
    settings.exclusions().stream()
        .map(Exclusions::normalise)
        .filter(s -> !s.isEmpty())
        .forEach(all::add);
    return all;
  }

  List<String> configured() {
    return settings.exclusions().stream()
        .map(Exclusions::normalise)
        .filter(s -> !s.isEmpty())
        .sorted()
        .toList();
  }

  List<String> stored() {
    return jdbc.sql("SELECT pattern FROM crm_inbound_mail_exclusion ORDER BY pattern")
        .query(String.class)
        .list();
  }

  void replace(Set<String> patterns) {
    jdbc.sql("DELETE FROM crm_inbound_mail_exclusion").update();
    for (String pattern : patterns) {
      jdbc.sql("INSERT INTO crm_inbound_mail_exclusion (pattern) VALUES (:p)")
          .param("p", pattern)
          .update();
    }
  }

  static String normalise(String pattern) {
    String p = pattern == null ? "" : pattern.strip().toLowerCase(Locale.ROOT);
    return p.startsWith("@") ? p.substring(1) : p;
  }
}
