package org.flowcrm.crm.shared;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;

/** How a sort column's value travels inside a cursor and back into SQL. */
public enum SortType {
  LONG {
    @Override
    Object parse(String value) {
      return Long.valueOf(value);
    }
  },
  DECIMAL {
    @Override
    Object parse(String value) {
      return new BigDecimal(value);
    }
  },
  STRING {
    @Override
    Object parse(String value) {
      return value;
    }
  },
  TIMESTAMP {
    @Override
    Object parse(String value) {
      return Timestamp.valueOf(value);
    }
  },
  DATE {
    @Override
    Object parse(String value) {
      return LocalDate.parse(value);
    }
  };

  abstract Object parse(String value);
}
