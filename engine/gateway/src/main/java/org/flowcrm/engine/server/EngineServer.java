package org.flowcrm.engine.server;

import java.net.URI;
import javax.sql.DataSource;
import org.flowcrm.engine.EngineFactory;
import org.flowcrm.engine.EngineSettings;
import org.flowcrm.engine.api.ProcessEngine;
import org.flowcrm.engine.grpc.GrpcGateway;
import org.flowcrm.engine.rest.RestGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An engine served over REST v2 and gRPC. The one bootstrap used by the Spring auto-configuration,
 * the standalone main, the conformance tests and the benchmark, so all of them run the same wiring.
 *
 * <p>Stopping is graceful: both servers stop taking requests, requests in flight get {@link
 * GatewaySettings#shutdownGrace()} to finish, and then the engine is closed (when this server
 * created it).
 */
public final class EngineServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EngineServer.class);

  private final ProcessEngine engine;
  private final boolean ownsEngine;
  private final GatewaySettings settings;
  private final RestGateway rest;
  private final GrpcGateway grpc;
  private volatile boolean running = true;

  private EngineServer(
      ProcessEngine engine,
      boolean ownsEngine,
      GatewaySettings settings,
      RestGateway rest,
      GrpcGateway grpc) {
    this.engine = engine;
    this.ownsEngine = ownsEngine;
    this.settings = settings;
    this.rest = rest;
    this.grpc = grpc;
  }

  /** Creates a durable engine on the data source and serves it; closing stops both. */
  public static EngineServer start(
      DataSource dataSource, EngineSettings engineSettings, GatewaySettings settings) {
    ProcessEngine engine = EngineFactory.create(engineSettings, dataSource);
    try {
      return start(engine, true, settings);
    } catch (RuntimeException e) {
      engine.close();
      throw e;
    }
  }

  /** Serves an engine the caller owns: closing this server leaves the engine open. */
  public static EngineServer serve(ProcessEngine engine, GatewaySettings settings) {
    return start(engine, false, settings);
  }

  private static EngineServer start(
      ProcessEngine engine, boolean ownsEngine, GatewaySettings settings) {
    RestGateway rest = RestGateway.start(engine, settings);
    GrpcGateway grpc;
    try {
      grpc = GrpcGateway.start(engine, settings);
    } catch (RuntimeException e) {
      rest.close();
      throw e;
    }
    log.info(
        "Engine gateways listening on {}: REST v2 port {}, gRPC port {}",
        settings.bindAddress(),
        rest.port(),
        grpc.port());
    return new EngineServer(engine, ownsEngine, settings, rest, grpc);
  }

  public ProcessEngine engine() {
    return engine;
  }

  public int restPort() {
    return rest.port();
  }

  public int grpcPort() {
    return grpc.port();
  }

  /** The address a Camunda client's {@code restAddress} takes. */
  public URI restAddress() {
    return URI.create("http://" + clientHost() + ":" + restPort());
  }

  /** The address a Camunda client's {@code grpcAddress} takes ({@code http} = plaintext). */
  public URI grpcAddress() {
    return URI.create("http://" + clientHost() + ":" + grpcPort());
  }

  public boolean isRunning() {
    return running;
  }

  private String clientHost() {
    String bind = settings.bindAddress();
    return bind == null || bind.isBlank() || "0.0.0.0".equals(bind) ? "127.0.0.1" : bind;
  }

  @Override
  public synchronized void close() {
    if (!running) {
      return;
    }
    running = false;
    long started = System.nanoTime();
    // Both servers stop accepting first, then each waits for its requests in flight.
    grpc.beginShutdown();
    rest.close(settings.shutdownGrace());
    grpc.awaitShutdown(settings.shutdownGrace());
    if (ownsEngine) {
      engine.close();
    }
    log.info("Engine gateways stopped in {} ms", (System.nanoTime() - started) / 1_000_000);
  }
}
