package org.flowcrm.engine.grpc;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.flowcrm.engine.api.EngineException;
import org.flowcrm.engine.server.Commands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Rejections as the Zeebe gateway reports them: a status code and the rejection's wording. */
final class GrpcErrors {

  private static final Logger log = LoggerFactory.getLogger(GrpcErrors.class);

  private GrpcErrors() {}

  static StatusRuntimeException toStatus(String intent, Throwable error) {
    Throwable e = error;
    while ((e instanceof CompletionException || e instanceof ExecutionException)
        && e.getCause() != null) {
      e = e.getCause();
    }
    if (e instanceof StatusRuntimeException status) {
      return status;
    }
    if (e instanceof EngineException rejection) {
      return code(rejection)
          .withDescription(Commands.describe(intent, rejection))
          .asRuntimeException();
    }
    log.error("Unexpected error handling a gRPC {} request", intent, e);
    return Status.INTERNAL
        .withDescription("Unexpected error occurred during the request processing: " + e)
        .withCause(e)
        .asRuntimeException();
  }

  private static Status code(EngineException e) {
    return switch (e.rejection()) {
      case NOT_FOUND -> Status.NOT_FOUND;
      case INVALID_ARGUMENT -> Status.INVALID_ARGUMENT;
      case INVALID_STATE -> Status.FAILED_PRECONDITION;
      case ALREADY_EXISTS -> Status.ALREADY_EXISTS;
      case RESOURCE_EXHAUSTED -> Status.RESOURCE_EXHAUSTED;
      case DEADLINE_EXCEEDED -> Status.DEADLINE_EXCEEDED;
      case UNAVAILABLE -> Status.UNAVAILABLE;
    };
  }
}
