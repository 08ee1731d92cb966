package org.flowcrm.engine.conformance;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.response.Incident;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flowcrm.engine.EngineSettings;
import org.flowcrm.engine.api.ProcessInstanceSnapshot;
import org.flowcrm.engine.server.EngineServer;
import org.flowcrm.engine.server.GatewaySettings;
import org.flowcrm.engine.server.Protocol;
import org.flowcrm.mariadb.EmbeddedMariaDb;

/**
 * One MariaDB, one engine server and one client per protocol for the whole test JVM (starting
 * MariaDB takes seconds). Tests use their own process ids, so they do not see each other's work.
 * {@link #restart()} replaces the engine and its gateways on the same database and ports, as a
 * process restart would; the clients stay and reconnect.
 */
final class EngineFixture {

  private static EngineFixture instance;

  private final HikariDataSource dataSource;
  private final Map<Protocol, CamundaClient> clients = new EnumMap<>(Protocol.class);
  private EngineServer server;

  private EngineFixture() {
    EmbeddedMariaDb db = EmbeddedMariaDb.start(EmbeddedMariaDb.Settings.ephemeral("gateway_test"));
    HikariConfig pool = new HikariConfig();
    pool.setPoolName("gateway-test");
    pool.setJdbcUrl(db.jdbcUrl());
    pool.setUsername(db.username());
    pool.setPassword(db.password());
    pool.setMaximumPoolSize(10);
    dataSource = new HikariDataSource(pool);
    server = EngineServer.start(dataSource, EngineSettings.defaults(), GatewaySettings.ephemeral());
    for (Protocol protocol : Protocol.values()) {
      clients.put(protocol, protocol.client(server));
    }
    Runtime.getRuntime().addShutdownHook(new Thread(this::close, "engine-fixture-stop"));
  }

  static synchronized EngineFixture get() {
    if (instance == null) {
      instance = new EngineFixture();
    }
    return instance;
  }

  CamundaClient client(Protocol protocol) {
    return clients.get(protocol);
  }

  EngineServer server() {
    return server;
  }

  /** Stops gateways and engine, then starts new ones on the same database and the same ports. */
  synchronized void restart() {
    GatewaySettings settings =
        GatewaySettings.ephemeral().withPorts(server.restPort(), server.grpcPort());
    server.close();
    server = EngineServer.start(dataSource, EngineSettings.defaults(), settings);
  }

  /**
   * The variables and element instances of an instance, from the engine: the client would need the
   * variable search endpoints, which the gateway does not serve.
   */
  Optional<ProcessInstanceSnapshot> instance(long processInstanceKey) {
    return server.engine().processInstance(processInstanceKey);
  }

  /** The instance's state as the client reads it ({@code GET /v2/process-instances/{key}}). */
  String state(long processInstanceKey) {
    try {
      return clients
          .get(Protocol.REST)
          .newProcessInstanceGetRequest(processInstanceKey)
          .send()
          .join()
          .getState()
          .name();
    } catch (ProblemException e) {
      if (e.code() == 404) {
        return "UNKNOWN";
      }
      throw e;
    }
  }

  /** Open incidents as the client finds them ({@code POST /v2/incidents/search}). */
  List<Incident> incidents(long processInstanceKey) {
    return clients
        .get(Protocol.REST)
        .newIncidentSearchRequest()
        .filter(f -> f.processInstanceKey(processInstanceKey))
        .send()
        .join()
        .items();
  }

  private synchronized void close() {
    clients.values().forEach(CamundaClient::close);
    server.close();
    dataSource.close();
  }
}
