package org.flowcrm.engine.spring;

import org.flowcrm.engine.server.EngineServer;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Up while the gateways serve and the engine answers a topology request (which touches no database,
 * so a health probe never queues behind commands).
 */
public class EngineHealthIndicator implements HealthIndicator {

  private final EngineServer server;

  public EngineHealthIndicator(EngineServer server) {
    this.server = server;
  }

  @Override
  public Health health() {
    if (!server.isRunning()) {
      return Health.down().withDetail("reason", "stopped").build();
    }
    try {
      var topology = server.engine().topology();
      return Health.up()
          .withDetail("restAddress", server.restAddress().toString())
          .withDetail("grpcAddress", server.grpcAddress().toString())
          .withDetail("partitions", topology.partitionsCount())
          .withDetail("version", topology.gatewayVersion())
          .build();
    } catch (RuntimeException e) {
      return Health.down(e).build();
    }
  }
}
