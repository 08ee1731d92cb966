package org.flowcrm.engine.grpc;

import io.grpc.Server;
import io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.flowcrm.engine.api.ProcessEngine;
import org.flowcrm.engine.server.GatewaySettings;

/** The gRPC server: grpc-netty, plaintext, Zeebe's message size and keep-alive settings. */
public final class GrpcGateway {

  private final Server server;
  private final GatewayService service;
  private final ExecutorService executor;
  private final CompletableFuture<Void> closing;

  private GrpcGateway(
      Server server,
      GatewayService service,
      ExecutorService executor,
      CompletableFuture<Void> closing) {
    this.server = server;
    this.service = service;
    this.executor = executor;
    this.closing = closing;
  }

  public static GrpcGateway start(ProcessEngine engine, GatewaySettings settings) {
    AtomicInteger threads = new AtomicInteger();
    // Handlers block on the engine (a command returns once committed), so not on the event loop.
    ExecutorService executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "engine-grpc-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    CompletableFuture<Void> closing = new CompletableFuture<>();
    GatewayService service = new GatewayService(engine, settings, executor, closing);
    Server server =
        NettyServerBuilder.forAddress(
                new InetSocketAddress(settings.bindAddress(), settings.grpcPort()))
            .executor(executor)
            .addService(service)
            // Larger messages fail with RESOURCE_EXHAUSTED, as on a Zeebe gateway.
            .maxInboundMessageSize(settings.maxMessageSize())
            // Camunda clients ping every 45 s; the Netty default (5 min) would answer GOAWAY.
            .permitKeepAliveTime(30, TimeUnit.SECONDS)
            .permitKeepAliveWithoutCalls(true)
            .build();
    try {
      server.start();
    } catch (IOException e) {
      executor.shutdownNow();
      throw new UncheckedIOException(
          "Cannot listen for gRPC on " + settings.bindAddress() + ":" + settings.grpcPort(), e);
    }
    return new GrpcGateway(server, service, executor, closing);
  }

  public int port() {
    return server.getPort();
  }

  /** Stops taking calls, answers long polls and ends job streams. */
  public void beginShutdown() {
    closing.complete(null);
    service.closeStreams();
    server.shutdown();
  }

  /** Waits for calls in flight, then cuts what is left. */
  public void awaitShutdown(Duration grace) {
    try {
      if (!server.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        server.shutdownNow();
        server.awaitTermination(1, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      server.shutdownNow();
    } finally {
      executor.shutdownNow();
    }
  }
}
