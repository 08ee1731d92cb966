package org.flowcrm.engine.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.command.ProblemException;
import io.grpc.Status;
import java.time.Duration;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** The two ways the Camunda client talks to a cluster; every test runs over both. */
public enum Protocol {
  REST,
  GRPC;

  public CamundaClient client(EngineServer server) {
    return CamundaClient.newClientBuilder()
        .restAddress(server.restAddress())
        .grpcAddress(server.grpcAddress())
        .preferRestOverGrpc(this == REST)
        .defaultRequestTimeout(Duration.ofSeconds(20))
        .build();
  }

  /**
   * Asserts a command is refused the way a real cluster refuses it: an HTTP problem with {@code
   * status} over REST, a gRPC {@code code} otherwise. Returns the message the client shows.
   */
  public String assertRejected(ThrowingCallable command, int status, Status.Code code) {
    Throwable thrown = catchThrowable(command);
    if (this == REST) {
      assertThat(thrown).isInstanceOf(ProblemException.class);
      ProblemException problem = (ProblemException) thrown;
      assertThat(problem.code()).as("HTTP status; %s", problem.details()).isEqualTo(status);
      assertThat(problem.details().getStatus()).isEqualTo(status);
      return problem.details().getDetail();
    }
    assertThat(thrown).isInstanceOf(ClientStatusException.class);
    ClientStatusException error = (ClientStatusException) thrown;
    assertThat(error.getStatusCode()).as("gRPC code; %s", error.getStatus()).isEqualTo(code);
    return error.getStatus().getDescription();
  }
}
