package org.flowcrm.mariadb;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class EmbeddedMariaDbTests {

  @Test
  void startsARealMariaDbServerThatAcceptsSql() throws Exception {
    EmbeddedMariaDb db = EmbeddedMariaDb.start(EmbeddedMariaDb.Settings.ephemeral("flowcrm_test"));
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE greeting (id INT PRIMARY KEY, text VARCHAR(20))");
      s.execute("INSERT INTO greeting VALUES (1, 'hello')");
      try (ResultSet rs = s.executeQuery("SELECT text, VERSION() FROM greeting")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("hello");
        assertThat(rs.getString(2)).contains("MariaDB");
      }
    }
    assertThat(EmbeddedMariaDb.start(EmbeddedMariaDb.Settings.ephemeral("other"))).isSameAs(db);
  }
}
