package org.flowcrm.engine.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.flowcrm.engine.EngineFactory;
import org.flowcrm.engine.EngineSettings;
import org.flowcrm.engine.api.ActivateJobs;
import org.flowcrm.engine.api.ActivatedJob;
import org.flowcrm.engine.api.CreateProcessInstance;
import org.flowcrm.engine.api.ProcessEngine;

/**
 * The process that {@link JdbcDurabilityTests} kills with SIGKILL: an engine on the given database
 * with a worker completing jobs, printing each acknowledged completion ({@code DONE <jobKey>}).
 * Arguments: JDBC URL, process id, instances to start.
 */
public final class KilledEngineMain {

  public static void main(String[] args) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(args[0]);
    config.setUsername("root");
    config.setPassword("");
    HikariDataSource dataSource = new HikariDataSource(config);
    ProcessEngine engine = EngineFactory.create(EngineSettings.defaults(), dataSource);
    for (int i = 0; i < Integer.parseInt(args[2]); i++) {
      long key =
          engine
              .createProcessInstance(
                  new CreateProcessInstance(0, args[1], -1, Map.of("i", i), null))
              .processInstanceKey();
      System.out.println("STARTED " + key);
    }
    System.out.flush();
    while (true) {
      for (String type : List.of("a", "b", "c")) {
        List<ActivatedJob> jobs =
            engine
                .activateJobs(
                    new ActivateJobs(
                        type, "doomed", Duration.ofSeconds(1), 5, List.of(), Duration.ZERO))
                .join();
        for (ActivatedJob job : jobs) {
          engine.completeJob(job.key(), Map.of(type, true));
          System.out.println("DONE " + job.key());
          System.out.flush();
        }
      }
    }
  }
}
