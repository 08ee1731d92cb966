package org.flowcrm.engine.server;

import java.time.Duration;

/**
 * How the protocol gateways are served.
 *
 * @param bindAddress interface both servers listen on ({@code 127.0.0.1} by default: the engine has
 *     no authentication, so exposing it beyond the machine is an explicit choice)
 * @param restPort REST v2 port, Camunda's 8080 is taken by the application so 8088; 0 = a free port
 * @param grpcPort gRPC port, 26500 as in Camunda; 0 = a free port
 * @param maxMessageSize largest request body (REST) or message (gRPC) accepted, Camunda's default 4
 *     MB; larger requests get 413 (REST) or RESOURCE_EXHAUSTED (gRPC)
 * @param longPollingTimeout how long an activation waits when the request asks for the default
 *     ({@code requestTimeout} 0), as Zeebe's gateway does
 * @param defaultRequestTimeout how long a create-with-result waits when the request names none
 * @param shutdownGrace how long stopping waits for requests in flight
 */
public record GatewaySettings(
    String bindAddress,
    int restPort,
    int grpcPort,
    int maxMessageSize,
    Duration longPollingTimeout,
    Duration defaultRequestTimeout,
    Duration shutdownGrace) {

  public static final int DEFAULT_REST_PORT = 8088;
  public static final int DEFAULT_GRPC_PORT = 26500;
  public static final int DEFAULT_MAX_MESSAGE_SIZE = 4 * 1024 * 1024;

  public static GatewaySettings defaults() {
    return new GatewaySettings(
        "127.0.0.1",
        DEFAULT_REST_PORT,
        DEFAULT_GRPC_PORT,
        DEFAULT_MAX_MESSAGE_SIZE,
        Duration.ofSeconds(10),
        Duration.ofSeconds(15),
        Duration.ofSeconds(10));
  }

  /** Free ports on the loopback interface: what tests and benchmarks use. */
  public static GatewaySettings ephemeral() {
    return defaults().withPorts(0, 0);
  }

  public GatewaySettings withPorts(int rest, int grpc) {
    return new GatewaySettings(
        bindAddress,
        rest,
        grpc,
        maxMessageSize,
        longPollingTimeout,
        defaultRequestTimeout,
        shutdownGrace);
  }

  public GatewaySettings withBindAddress(String address) {
    return new GatewaySettings(
        address,
        restPort,
        grpcPort,
        maxMessageSize,
        longPollingTimeout,
        defaultRequestTimeout,
        shutdownGrace);
  }

  public GatewaySettings withMaxMessageSize(int bytes) {
    return new GatewaySettings(
        bindAddress,
        restPort,
        grpcPort,
        bytes,
        longPollingTimeout,
        defaultRequestTimeout,
        shutdownGrace);
  }
}
