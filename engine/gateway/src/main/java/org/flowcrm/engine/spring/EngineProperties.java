package org.flowcrm.engine.spring;

import java.time.Duration;
import org.flowcrm.engine.server.GatewaySettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code flowcrm.engine.*}: whether the embedded engine runs and where it listens. Documented in
 * {@code engine/README.md}.
 */
@ConfigurationProperties("flowcrm.engine")
public record EngineProperties(
    @DefaultValue("true") boolean embedded,
    @DefaultValue("127.0.0.1") String bindAddress,
    @DefaultValue("8088") int restPort,
    @DefaultValue("26500") int grpcPort,
    @DefaultValue("4194304") int maxMessageSize,
    @DefaultValue("10s") Duration longPollingTimeout,
    @DefaultValue("10s") Duration shutdownGrace) {

  GatewaySettings gatewaySettings() {
    GatewaySettings defaults = GatewaySettings.defaults();
    return new GatewaySettings(
        bindAddress,
        restPort,
        grpcPort,
        maxMessageSize,
        longPollingTimeout,
        defaults.defaultRequestTimeout(),
        shutdownGrace);
  }
}
