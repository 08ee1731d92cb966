package org.flowcrm.app;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;

/**
 * Turns "cannot reach the configured database" into one short message that names the setting to
 * fix, instead of a long stack trace (Boot prints the analysis and logs the trace at debug level).
 */
class DatabaseUnreachableFailureAnalyzer implements FailureAnalyzer {

  private final Environment environment;

  DatabaseUnreachableFailureAnalyzer(Environment environment) {
    this.environment = environment;
  }

  @Override
  public FailureAnalysis analyze(Throwable failure) {
    Throwable cause = failure;
    SQLException sqlFailure = null;
    while (cause != null) {
      if (cause instanceof SQLException sql && sqlFailure == null) {
        sqlFailure = sql;
      }
      if (cause instanceof ConnectException || cause instanceof UnknownHostException) {
        return analysis(failure, cause.getMessage());
      }
      cause = cause.getCause();
    }
    if (sqlFailure != null && isConnectionFailure(sqlFailure)) {
      return analysis(failure, sqlFailure.getMessage());
    }
    return null;
  }

  private static boolean isConnectionFailure(SQLException e) {
    String state = e.getSQLState();
    // SQL state class 08 = connection exception; 28000 = invalid authorization.
    return state != null && (state.startsWith("08") || state.equals("28000"));
  }

  private FailureAnalysis analysis(Throwable failure, String reason) {
    String url = environment.getProperty("spring.datasource.url", "(not set)");
    return new FailureAnalysis(
        "Cannot connect to the database at "
            + url
            + ": "
            + firstLine(reason)
            + ". Fix spring.datasource.url (environment variable SPRING_DATASOURCE_URL),"
            + " spring.datasource.username or spring.datasource.password.",
        "Start that MariaDB server or correct the setting; unset SPRING_DATASOURCE_URL to use the"
            + " embedded MariaDB instead.",
        failure);
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "no reason given";
    }
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
