package org.flowcrm.engine.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.flowcrm.engine.api.EngineException;
import org.flowcrm.engine.api.ProcessEngine;
import org.flowcrm.engine.server.Commands;
import org.flowcrm.engine.server.GatewaySettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST v2 server: the JDK's HTTP server, a route table and RFC 9457 problem details.
 *
 * <p>Handlers block their thread (long polling included) on a cached pool: the number of threads
 * follows the number of waiting workers, which is small, and blocking keeps the handlers plain.
 */
public final class RestGateway implements AutoCloseable {

  static {
    // Without TCP_NODELAY, headers and body written apart meet delayed ACKs: +40 ms per request.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private static final Logger log = LoggerFactory.getLogger(RestGateway.class);
  private static final String PROBLEM_JSON = "application/problem+json";

  private final HttpServer server;
  private final ExecutorService executor;
  private final CompletableFuture<Void> closing;
  private final Router router;

  private RestGateway(
      HttpServer server, ExecutorService executor, CompletableFuture<Void> closing, Router router) {
    this.server = server;
    this.executor = executor;
    this.closing = closing;
    this.router = router;
  }

  public static RestGateway start(ProcessEngine engine, GatewaySettings settings) {
    HttpServer server;
    try {
      server =
          HttpServer.create(
              new InetSocketAddress(settings.bindAddress(), settings.restPort()), 256);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot listen for REST on " + settings.bindAddress() + ":" + settings.restPort(), e);
    }
    AtomicInteger threads = new AtomicInteger();
    ExecutorService executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "engine-rest-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    CompletableFuture<Void> closing = new CompletableFuture<>();
    Router router =
        new Router(
            new RestApi(engine, settings, closing),
            new QueryApi(engine),
            settings.maxMessageSize(),
            closing);
    server.createContext("/", router::handle);
    server.setExecutor(executor);
    server.start();
    return new RestGateway(server, executor, closing, router);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /**
   * Answers pending long polls, refuses new requests (503), waits for commands in flight up to
   * {@code grace}, then closes every connection. (The JDK server's own {@code stop(delay)} always
   * waits the whole delay on Java 17.)
   */
  public void close(Duration grace) {
    closing.complete(null);
    long deadline = System.nanoTime() + grace.toNanos();
    while (router.inFlight.get() > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    server.stop(0);
    executor.shutdownNow();
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(10));
  }

  /** Matches method and path, reads the body within the size limit, maps failures to problems. */
  private static final class Router {

    private static final long DRAIN_LIMIT = 256L * 1024 * 1024;

    private final RestApi api;
    private final QueryApi queries;
    private final int maxBodyBytes;
    private final CompletableFuture<Void> closing;
    final AtomicInteger inFlight = new AtomicInteger();

    Router(RestApi api, QueryApi queries, int maxBodyBytes, CompletableFuture<Void> closing) {
      this.api = api;
      this.queries = queries;
      this.maxBodyBytes = maxBodyBytes;
      this.closing = closing;
    }

    void handle(HttpExchange exchange) {
      inFlight.incrementAndGet();
      try {
        route(exchange);
      } finally {
        inFlight.decrementAndGet();
      }
    }

    private void route(HttpExchange exchange) {
      String path = exchange.getRequestURI().getPath();
      String intent = "REQUEST";
      try (exchange) {
        try {
          if (closing.isDone()) {
            throw new RestException(503, "UNAVAILABLE", "The engine gateway is shutting down.");
          }
          String method = exchange.getRequestMethod();
          String[] s = segments(path);
          RestApi.Reply reply;
          if (s.length < 2 || !"v2".equals(s[0])) {
            throw new RestException(404, "Not Found", "No endpoint " + path);
          }
          switch (s[1]) {
            case "topology" -> {
              expect(method, "GET", s.length == 2, path);
              reply = api.topology();
            }
            case "deployments" -> {
              expect(method, "POST", s.length == 2, path);
              intent = "CREATE";
              reply =
                  api.deploy(exchange.getRequestHeaders().getFirst("Content-Type"), body(exchange));
            }
            case "process-definitions" -> {
              if (s.length == 3 && "search".equals(s[2])) {
                expect(method, "POST", true, path);
                reply = queries.searchProcessDefinitions(json(exchange));
              } else if (s.length == 3) {
                expect(method, "GET", true, path);
                reply = queries.processDefinition(RestApi.pathKey(s[2], "processDefinitionKey"));
              } else if (s.length == 4 && "form".equals(s[3])) {
                expect(method, "GET", true, path);
                reply =
                    queries.processDefinitionForm(RestApi.pathKey(s[2], "processDefinitionKey"));
              } else if (s.length == 5
                  && "statistics".equals(s[3])
                  && "element-instances".equals(s[4])) {
                expect(method, "POST", true, path);
                reply =
                    queries.elementStatistics(
                        RestApi.pathKey(s[2], "processDefinitionKey"), json(exchange));
              } else {
                expect(method, "GET", s.length == 4 && "xml".equals(s[3]), path);
                reply = queries.processDefinitionXml(RestApi.pathKey(s[2], "processDefinitionKey"));
              }
            }
            case "process-instances" -> {
              if (s.length == 3 && "search".equals(s[2])) {
                expect(method, "POST", true, path);
                reply = queries.searchProcessInstances(json(exchange));
              } else if (s.length == 2) {
                expect(method, "POST", true, path);
                intent = "CREATE";
                reply = api.createProcessInstance(json(exchange));
              } else if (s.length == 3) {
                expect(method, "GET", true, path);
                reply = queries.processInstance(RestApi.pathKey(s[2], "processInstanceKey"));
              } else {
                expect(method, "POST", s.length == 4 && "cancellation".equals(s[3]), path);
                intent = "CANCEL";
                reply = api.cancelProcessInstance(RestApi.pathKey(s[2], "processInstanceKey"));
              }
            }
            case "jobs" -> {
              if (s.length == 3 && "search".equals(s[2])) {
                expect(method, "POST", true, path);
                reply = queries.searchJobs(json(exchange));
              } else if (s.length == 3 && "activation".equals(s[2])) {
                expect(method, "POST", true, path);
                intent = "ACTIVATE";
                reply = api.activateJobs(json(exchange));
              } else if (s.length == 3) {
                expect(method, "PATCH", true, path);
                intent = "UPDATE";
                reply = api.updateJob(RestApi.pathKey(s[2], "jobKey"), json(exchange));
              } else {
                expect(method, "POST", s.length == 4, path);
                long jobKey = RestApi.pathKey(s[2], "jobKey");
                switch (s[3]) {
                  case "completion" -> {
                    intent = "COMPLETE";
                    reply = api.completeJob(jobKey, json(exchange));
                  }
                  case "failure" -> {
                    intent = "FAIL";
                    reply = api.failJob(jobKey, json(exchange));
                  }
                  case "error" -> {
                    intent = "THROW_ERROR";
                    reply = api.throwError(jobKey, json(exchange));
                  }
                  default -> throw notFound(path);
                }
              }
            }
            case "element-instances" -> {
              if (s.length == 3 && "search".equals(s[2])) {
                expect(method, "POST", true, path);
                reply = queries.searchElementInstances(json(exchange));
              } else if (s.length == 3) {
                expect(method, "GET", true, path);
                reply = queries.elementInstance(RestApi.pathKey(s[2], "elementInstanceKey"));
              } else {
                expect(method, "PUT", s.length == 4 && "variables".equals(s[3]), path);
                intent = "UPDATE";
                reply =
                    api.setVariables(RestApi.pathKey(s[2], "elementInstanceKey"), json(exchange));
              }
            }
            case "incidents" -> {
              if (s.length == 3 && "search".equals(s[2])) {
                expect(method, "POST", true, path);
                reply = queries.searchIncidents(json(exchange));
              } else if (s.length == 3) {
                expect(method, "GET", true, path);
                reply = queries.incident(RestApi.pathKey(s[2], "incidentKey"));
              } else {
                expect(method, "POST", s.length == 4 && "resolution".equals(s[3]), path);
                intent = "RESOLVE";
                reply = api.resolveIncident(RestApi.pathKey(s[2], "incidentKey"));
              }
            }
            case "user-tasks" -> {
              if (s.length == 3 && "search".equals(s[2])) {
                expect(method, "POST", true, path);
                reply = api.searchUserTasks(json(exchange));
              } else if (s.length == 3) {
                long userTaskKey = RestApi.pathKey(s[2], "userTaskKey");
                if ("PATCH".equals(method)) {
                  intent = "UPDATE";
                  reply = api.updateUserTask(userTaskKey, json(exchange));
                } else {
                  expect(method, "GET", true, path);
                  reply = api.userTask(userTaskKey);
                }
              } else if (s.length == 4 && "form".equals(s[3])) {
                expect(method, "GET", true, path);
                reply = queries.userTaskForm(RestApi.pathKey(s[2], "userTaskKey"));
              } else if (s.length == 5 && "variables".equals(s[3]) && "search".equals(s[4])) {
                expect(method, "POST", true, path);
                String query = exchange.getRequestURI().getQuery();
                reply =
                    queries.searchUserTaskVariables(
                        RestApi.pathKey(s[2], "userTaskKey"),
                        json(exchange),
                        query == null || !query.contains("truncateValues=false"));
              } else if (s.length == 4 && "assignee".equals(s[3])) {
                expect(method, "DELETE", true, path);
                intent = "ASSIGN";
                reply = api.unassignUserTask(RestApi.pathKey(s[2], "userTaskKey"));
              } else {
                expect(method, "POST", s.length == 4, path);
                long userTaskKey = RestApi.pathKey(s[2], "userTaskKey");
                switch (s[3]) {
                  case "assignment" -> {
                    intent = "ASSIGN";
                    reply = api.assignUserTask(userTaskKey, json(exchange));
                  }
                  case "completion" -> {
                    intent = "COMPLETE";
                    reply = api.completeUserTask(userTaskKey, json(exchange));
                  }
                  default -> throw notFound(path);
                }
              }
            }
            case "variables" -> {
              if (s.length == 3 && "search".equals(s[2])) {
                expect(method, "POST", true, path);
                String query = exchange.getRequestURI().getQuery();
                reply =
                    queries.searchVariables(
                        json(exchange), query == null || !query.contains("truncateValues=false"));
              } else {
                expect(method, "GET", s.length == 3, path);
                reply = queries.variable(RestApi.pathKey(s[2], "variableKey"));
              }
            }
            case "messages" -> {
              expect(method, "POST", s.length == 3, path);
              switch (s[2]) {
                case "publication" -> {
                  intent = "PUBLISH";
                  reply = api.publishMessage(json(exchange));
                }
                case "correlation" -> {
                  intent = "CORRELATE";
                  reply = api.correlateMessage(json(exchange));
                }
                default -> throw notFound(path);
              }
            }
            case "signals" -> {
              expect(method, "POST", s.length == 3 && s[2].equals("broadcast"), path);
              intent = "BROADCAST";
              reply = api.broadcastSignal(json(exchange));
            }
            default -> throw notFound(path);
          }
          if (reply.xml() != null) {
            sendXml(exchange, reply.xml());
          } else {
            send(exchange, reply.status(), "application/json", reply.body());
          }
        } catch (EngineException e) {
          problem(exchange, status(e), e.rejection().name(), Commands.describe(intent, e), path);
        } catch (RestException e) {
          problem(exchange, e.status(), e.title(), e.getMessage(), path);
        } catch (RuntimeException e) {
          log.error("Unexpected error handling {} {}", exchange.getRequestMethod(), path, e);
          problem(
              exchange,
              500,
              e.getClass().getName(),
              "Unexpected error occurred during the request processing: " + e.getMessage(),
              path);
        }
      } catch (IOException | UncheckedIOException e) {
        // The client went away (e.g. a worker closed while long polling): nothing to answer.
        log.debug("Could not answer {}: {}", path, e.getMessage());
      }
    }

    private static String[] segments(String path) {
      String trimmed = path.startsWith("/") ? path.substring(1) : path;
      if (trimmed.endsWith("/")) {
        trimmed = trimmed.substring(0, trimmed.length() - 1);
      }
      return trimmed.split("/");
    }

    private static void expect(String method, String expected, boolean pathMatches, String path) {
      if (!pathMatches) {
        throw notFound(path);
      }
      if (!expected.equals(method)) {
        throw new RestException(
            405, "Method Not Allowed", "Request method '" + method + "' is not supported");
      }
    }

    private static RestException notFound(String path) {
      return new RestException(404, "Not Found", "No endpoint " + path + ".");
    }

    /** The Camunda gateway's mapping of rejection types and broker errors to HTTP statuses. */
    private static int status(EngineException e) {
      return switch (e.rejection()) {
        case NOT_FOUND -> 404;
        case INVALID_ARGUMENT -> 400;
        case INVALID_STATE, ALREADY_EXISTS -> 409;
        case RESOURCE_EXHAUSTED -> 429;
        case DEADLINE_EXCEEDED -> 504;
        case UNAVAILABLE -> 503;
      };
    }

    private JsonNode json(HttpExchange exchange) throws IOException {
      byte[] body = body(exchange);
      if (body.length == 0) {
        return Commands.JSON.createObjectNode(); // every body we take is optional or validated
      }
      try {
        JsonNode node = Commands.JSON.readTree(body);
        if (!node.isObject()) {
          throw RestException.badRequest("Expected a JSON object as request body");
        }
        return node;
      } catch (JsonProcessingException e) {
        throw RestException.badRequest("Failed to read request: " + e.getOriginalMessage());
      }
    }

    private byte[] body(HttpExchange exchange) throws IOException {
      String length = exchange.getRequestHeaders().getFirst("Content-Length");
      try (InputStream in = exchange.getRequestBody()) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(length == null ? 1024 : 256);
        byte[] buffer = new byte[16 * 1024];
        long total = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
          total += n;
          if (total <= maxBodyBytes) {
            out.write(buffer, 0, n);
          } else if (total > DRAIN_LIMIT) {
            break;
          }
          // Above the limit the rest is read and dropped: a client still sending would
          // otherwise see a reset connection instead of the 413.
        }
        if (total > maxBodyBytes) {
          throw tooLarge();
        }
        return out.toByteArray();
      }
    }

    /**
     * Camunda answers 413 when a request is above the gateway's size limit (4 MB by default), with
     * the broker's wording.
     */
    private RestException tooLarge() {
      return new RestException(
          413,
          "PAYLOAD_TOO_LARGE",
          "Request size is above configured maxMessageSize. The limit is "
              + maxBodyBytes
              + " bytes.");
    }

    private static void problem(
        HttpExchange exchange, int status, String title, String detail, String instance)
        throws IOException {
      ObjectNode body = Commands.JSON.createObjectNode();
      body.put("type", "about:blank");
      body.put("title", title);
      body.put("status", status);
      body.put("detail", detail);
      body.put("instance", instance);
      send(exchange, status, PROBLEM_JSON, body);
    }

    private static void sendXml(HttpExchange exchange, String xml) throws IOException {
      byte[] bytes = xml.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/xml");
      exchange.sendResponseHeaders(200, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }

    private static void send(HttpExchange exchange, int status, String contentType, JsonNode body)
        throws IOException {
      if (body == null) {
        exchange.sendResponseHeaders(status, -1);
        return;
      }
      byte[] bytes = Commands.JSON.writeValueAsBytes(body);
      exchange.getResponseHeaders().set("Content-Type", contentType);
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }
}
