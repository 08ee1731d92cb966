package org.flowcrm.crm.shared;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gap-free document numbers (quotes, invoices). The sequence row stays locked until the caller's
 * transaction ends, so a rolled-back document gives its number back and two documents never share
 * one.
 */
@Component
public class NumberSequence {

  private final JdbcTemplate jdbc;

  NumberSequence(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The next value of sequence {@code name}; must run inside the caller's transaction. */
  @Transactional(propagation = Propagation.MANDATORY)
  public long next(String name) {
    Long value =
        jdbc.queryForObject(
            "SELECT next_value FROM crm_number_sequence WHERE name = ? FOR UPDATE",
            Long.class,
            name);
    if (value == null) {
      throw new IllegalStateException("No number sequence " + name);
    }
    jdbc.update("UPDATE crm_number_sequence SET next_value = ? WHERE name = ?", value + 1, name);
    return value;
  }
}
