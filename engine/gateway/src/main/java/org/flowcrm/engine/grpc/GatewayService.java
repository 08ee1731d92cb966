package org.flowcrm.engine.grpc;

import io.camunda.zeebe.gateway.protocol.GatewayGrpc;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivateJobsRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivateJobsResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivatedJob;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.BroadcastSignalRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.BroadcastSignalResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.BrokerInfo;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CancelProcessInstanceRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CancelProcessInstanceResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CompleteJobRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CompleteJobResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceWithResultRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceWithResultResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.DeployResourceRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.DeployResourceResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.FailJobRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.FailJobResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.Partition;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ProcessMetadata;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.PublishMessageRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.PublishMessageResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ResolveIncidentRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ResolveIncidentResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.SetVariablesRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.SetVariablesResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.StreamActivatedJobsRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ThrowErrorRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ThrowErrorResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.TopologyRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.TopologyResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.UpdateJobRetriesRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.UpdateJobRetriesResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.UpdateJobTimeoutRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.UpdateJobTimeoutResponse;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.flowcrm.engine.api.ActivateJobs;
import org.flowcrm.engine.api.CreateProcessInstance;
import org.flowcrm.engine.api.DeployResource;
import org.flowcrm.engine.api.Deployment;
import org.flowcrm.engine.api.ProcessEngine;
import org.flowcrm.engine.api.ProcessInstanceCreated;
import org.flowcrm.engine.api.StreamJobs;
import org.flowcrm.engine.api.Topology;
import org.flowcrm.engine.server.Commands;
import org.flowcrm.engine.server.GatewaySettings;

/**
 * The gRPC commands, each a thin translation: proto request to engine command, result or rejection
 * back. Over gRPC variables and custom headers travel as JSON strings.
 */
final class GatewayService extends GatewayGrpc.GatewayImplBase {

  static final String DEFAULT_TENANT = "<default>";

  private final ProcessEngine engine;
  private final GatewaySettings settings;
  private final Executor executor;
  private final CompletableFuture<Void> closing;
  private final Set<JobPush> streams = ConcurrentHashMap.newKeySet();

  GatewayService(
      ProcessEngine engine,
      GatewaySettings settings,
      Executor executor,
      CompletableFuture<Void> closing) {
    this.engine = engine;
    this.settings = settings;
    this.executor = executor;
    this.closing = closing;
  }

  @Override
  public void topology(TopologyRequest request, StreamObserver<TopologyResponse> response) {
    unary(
        "TOPOLOGY",
        response,
        () -> {
          Topology t = engine.topology();
          BrokerInfo.Builder broker =
              BrokerInfo.newBuilder()
                  .setNodeId(0)
                  .setHost(t.brokerHost() == null ? "localhost" : t.brokerHost())
                  .setPort(t.brokerPort())
                  .setVersion(t.gatewayVersion());
          for (int id = 1; id <= t.partitionsCount(); id++) {
            broker.addPartitions(
                Partition.newBuilder()
                    .setPartitionId(id)
                    .setRole(Partition.PartitionBrokerRole.LEADER)
                    .setHealth(Partition.PartitionBrokerHealth.HEALTHY));
          }
          return TopologyResponse.newBuilder()
              .addBrokers(broker)
              .setClusterSize(t.clusterSize())
              .setPartitionsCount(t.partitionsCount())
              .setReplicationFactor(t.replicationFactor())
              .setGatewayVersion(t.gatewayVersion())
              .build();
        });
  }

  @Override
  public void deployResource(
      DeployResourceRequest request, StreamObserver<DeployResourceResponse> response) {
    unary(
        "CREATE",
        response,
        () -> {
          if (request.getResourcesCount() == 0) {
            throw Status.INVALID_ARGUMENT
                .withDescription(
                    "Expected to deploy at least one resource, but none given. Provide at least one resource.")
                .asRuntimeException();
          }
          List<DeployResource> resources = new ArrayList<>(request.getResourcesCount());
          request
              .getResourcesList()
              .forEach(
                  r ->
                      resources.add(new DeployResource(r.getName(), r.getContent().toByteArray())));
          Deployment deployment = engine.deploy(resources, tenant(request.getTenantId()));
          DeployResourceResponse.Builder reply =
              DeployResourceResponse.newBuilder()
                  .setKey(deployment.key())
                  .setTenantId(deployment.tenantId());
          for (Deployment.DeployedProcess p : deployment.processes()) {
            reply
                .addDeploymentsBuilder()
                .setProcess(
                    ProcessMetadata.newBuilder()
                        .setBpmnProcessId(p.bpmnProcessId())
                        .setVersion(p.version())
                        .setProcessDefinitionKey(p.processDefinitionKey())
                        .setResourceName(p.resourceName())
                        .setTenantId(p.tenantId()));
          }
          for (Deployment.DeployedForm f : deployment.forms()) {
            reply
                .addDeploymentsBuilder()
                .setForm(
                    io.camunda.zeebe.gateway.protocol.GatewayOuterClass.FormMetadata.newBuilder()
                        .setFormId(f.formId())
                        .setVersion(f.version())
                        .setFormKey(f.formKey())
                        .setResourceName(f.resourceName())
                        .setTenantId(f.tenantId()));
          }
          return reply.build();
        });
  }

  @Override
  public void createProcessInstance(
      CreateProcessInstanceRequest request,
      StreamObserver<CreateProcessInstanceResponse> response) {
    unary(
        "CREATE",
        response,
        () -> {
          ProcessInstanceCreated created = engine.createProcessInstance(command(request));
          return CreateProcessInstanceResponse.newBuilder()
              .setProcessDefinitionKey(created.processDefinitionKey())
              .setBpmnProcessId(created.bpmnProcessId())
              .setVersion(created.version())
              .setProcessInstanceKey(created.processInstanceKey())
              .setTenantId(created.tenantId())
              .build();
        });
  }

  @Override
  public void createProcessInstanceWithResult(
      CreateProcessInstanceWithResultRequest request,
      StreamObserver<CreateProcessInstanceWithResultResponse> response) {
    String intent = "CREATE_WITH_AWAITING_RESULT";
    try {
      Duration timeout =
          Commands.longPolling(request.getRequestTimeout(), settings.defaultRequestTimeout());
      engine
          .createProcessInstanceWithResult(
              command(request.getRequest()), timeout, request.getFetchVariablesList())
          .whenCompleteAsync(
              (result, error) -> {
                if (error != null) {
                  response.onError(GrpcErrors.toStatus(intent, error));
                  return;
                }
                response.onNext(
                    CreateProcessInstanceWithResultResponse.newBuilder()
                        .setProcessDefinitionKey(result.processDefinitionKey())
                        .setBpmnProcessId(result.bpmnProcessId())
                        .setVersion(result.version())
                        .setProcessInstanceKey(result.processInstanceKey())
                        .setVariables(Commands.toJson(result.variables()))
                        .setTenantId(result.tenantId())
                        .build());
                response.onCompleted();
              },
              executor);
    } catch (RuntimeException e) {
      response.onError(GrpcErrors.toStatus(intent, e));
    }
  }

  private static CreateProcessInstance command(CreateProcessInstanceRequest request) {
    if (request.getStartInstructionsCount() > 0 || request.getRuntimeInstructionsCount() > 0) {
      throw Status.INVALID_ARGUMENT
          .withDescription(
              "startInstructions and runtimeInstructions are not supported by this engine")
          .asRuntimeException();
    }
    boolean byKey = request.getProcessDefinitionKey() > 0;
    return new CreateProcessInstance(
        request.getProcessDefinitionKey(),
        byKey ? null : request.getBpmnProcessId(),
        byKey ? CreateProcessInstance.LATEST_VERSION : request.getVersion(),
        Commands.variables(request.getVariables()),
        tenant(request.getTenantId()));
  }

  @Override
  public void cancelProcessInstance(
      CancelProcessInstanceRequest request,
      StreamObserver<CancelProcessInstanceResponse> response) {
    unary(
        "CANCEL",
        response,
        () -> {
          engine.cancelProcessInstance(request.getProcessInstanceKey());
          return CancelProcessInstanceResponse.getDefaultInstance();
        });
  }

  @Override
  public void activateJobs(
      ActivateJobsRequest request, StreamObserver<ActivateJobsResponse> response) {
    String intent = "ACTIVATE";
    try {
      if (request.getType().isBlank()) {
        throw Status.INVALID_ARGUMENT
            .withDescription("Expected to activate jobs of a type, but no type was given")
            .asRuntimeException();
      }
      if (request.getMaxJobsToActivate() < 1) {
        throw Status.INVALID_ARGUMENT
            .withDescription(
                "Expected to activate jobs with a positive maxJobsToActivate, but was "
                    + request.getMaxJobsToActivate())
            .asRuntimeException();
      }
      ActivateJobs command =
          new ActivateJobs(
              request.getType(),
              request.getWorker(),
              Duration.ofMillis(request.getTimeout()),
              request.getMaxJobsToActivate(),
              request.getFetchVariableList(),
              Commands.longPolling(request.getRequestTimeout(), settings.longPollingTimeout()));
      engine
          .activateJobs(command)
          // A stopping gateway answers its long polls at once (empty) instead of holding shutdown.
          .applyToEither(closing.thenApply(ignored -> List.of()), jobs -> jobs)
          .whenCompleteAsync(
              (jobs, error) -> {
                if (error != null) {
                  response.onError(GrpcErrors.toStatus(intent, error));
                  return;
                }
                sendInBatches(jobs, response);
              },
              executor);
    } catch (RuntimeException e) {
      response.onError(GrpcErrors.toStatus(intent, e));
    }
  }

  /**
   * Splits the jobs into responses below the message size limit, as Zeebe's gateway does: a
   * client's inbound limit is about the same as ours.
   */
  private void sendInBatches(
      List<org.flowcrm.engine.api.ActivatedJob> jobs, StreamObserver<ActivateJobsResponse> out) {
    ServerCallStreamObserver<ActivateJobsResponse> call =
        (ServerCallStreamObserver<ActivateJobsResponse>) out;
    int limit = settings.maxMessageSize() - 1024;
    ActivateJobsResponse.Builder batch = ActivateJobsResponse.newBuilder();
    int size = 0;
    int sent = 0;
    try {
      for (org.flowcrm.engine.api.ActivatedJob job : jobs) {
        ActivatedJob proto = Jobs.toProto(job);
        int jobSize = proto.getSerializedSize() + 8;
        if (size > 0 && size + jobSize > limit) {
          send(call, batch.build());
          sent += batch.getJobsCount();
          batch = ActivateJobsResponse.newBuilder();
          size = 0;
        }
        batch.addJobs(proto);
        size += jobSize;
      }
      if (size > 0) {
        send(call, batch.build());
      }
      call.onCompleted();
    } catch (RuntimeException e) {
      // The worker went away while its long poll waited (e.g. it was closed): its jobs would
      // otherwise stay locked for their whole timeout.
      giveBack(jobs.subList(sent, jobs.size()));
    }
  }

  private static void send(
      ServerCallStreamObserver<ActivateJobsResponse> call, ActivateJobsResponse response) {
    if (call.isCancelled()) {
      throw Status.CANCELLED.asRuntimeException();
    }
    call.onNext(response);
  }

  /**
   * Makes activated but undelivered jobs activatable again at once, without using a retry: their
   * activation simply times out now (the same at-least-once path as a worker that never answers).
   */
  private void giveBack(List<org.flowcrm.engine.api.ActivatedJob> jobs) {
    for (org.flowcrm.engine.api.ActivatedJob job : jobs) {
      try {
        engine.updateJobTimeout(job.key(), Duration.ofMillis(1));
      } catch (RuntimeException ignored) {
        // Completed or cancelled meanwhile: nothing to give back.
      }
    }
  }

  @Override
  public void streamActivatedJobs(
      StreamActivatedJobsRequest request, StreamObserver<ActivatedJob> response) {
    ServerCallStreamObserver<ActivatedJob> observer =
        (ServerCallStreamObserver<ActivatedJob>) response;
    try {
      if (request.getType().isBlank()) {
        throw Status.INVALID_ARGUMENT
            .withDescription("Expected to stream jobs of a type, but no type was given")
            .asRuntimeException();
      }
      JobPush push = new JobPush(observer);
      streams.add(push);
      observer.setOnCancelHandler(
          () -> {
            push.close(false);
            streams.remove(push);
          });
      push.stream =
          engine.openJobStream(
              new StreamJobs(
                  request.getType(),
                  request.getWorker(),
                  Duration.ofMillis(request.getTimeout()),
                  request.getFetchVariableList()),
              push::push);
      if (push.closed) {
        push.stream.close(); // cancelled while opening
      }
    } catch (RuntimeException e) {
      observer.onError(GrpcErrors.toStatus("STREAM", e));
    }
  }

  /** Ends every job stream: called when the server stops, so workers fall back to polling. */
  void closeStreams() {
    for (JobPush push : streams) {
      push.close(true);
    }
    streams.clear();
  }

  /** One open job stream. The engine may push from several threads; gRPC observers are not. */
  private static final class JobPush {
    private final ServerCallStreamObserver<ActivatedJob> observer;
    private volatile org.flowcrm.engine.api.ProcessEngine.JobStream stream;
    private volatile boolean closed;

    JobPush(ServerCallStreamObserver<ActivatedJob> observer) {
      this.observer = observer;
    }

    synchronized boolean push(org.flowcrm.engine.api.ActivatedJob job) {
      if (closed || observer.isCancelled()) {
        return false;
      }
      try {
        observer.onNext(Jobs.toProto(job));
        return true;
      } catch (RuntimeException e) {
        return false; // the call ended under us: the engine gives the job back
      }
    }

    synchronized void close(boolean complete) {
      if (closed) {
        return;
      }
      closed = true;
      if (stream != null) {
        stream.close();
      }
      if (complete && !observer.isCancelled()) {
        try {
          observer.onCompleted();
        } catch (RuntimeException ignored) {
          // already ended
        }
      }
    }
  }

  @Override
  public void completeJob(
      CompleteJobRequest request, StreamObserver<CompleteJobResponse> response) {
    unary(
        "COMPLETE",
        response,
        () -> {
          engine.completeJob(request.getJobKey(), Commands.variables(request.getVariables()));
          return CompleteJobResponse.getDefaultInstance();
        });
  }

  @Override
  public void failJob(FailJobRequest request, StreamObserver<FailJobResponse> response) {
    unary(
        "FAIL",
        response,
        () -> {
          engine.failJob(
              request.getJobKey(),
              request.getRetries(),
              request.getErrorMessage(),
              Duration.ofMillis(Math.max(0, request.getRetryBackOff())),
              Commands.variables(request.getVariables()));
          return FailJobResponse.getDefaultInstance();
        });
  }

  @Override
  public void throwError(ThrowErrorRequest request, StreamObserver<ThrowErrorResponse> response) {
    unary(
        "THROW_ERROR",
        response,
        () -> {
          engine.throwError(
              request.getJobKey(),
              request.getErrorCode(),
              request.getErrorMessage(),
              Commands.variables(request.getVariables()));
          return ThrowErrorResponse.getDefaultInstance();
        });
  }

  @Override
  public void updateJobRetries(
      UpdateJobRetriesRequest request, StreamObserver<UpdateJobRetriesResponse> response) {
    unary(
        "UPDATE_RETRIES",
        response,
        () -> {
          engine.updateJobRetries(request.getJobKey(), request.getRetries());
          return UpdateJobRetriesResponse.getDefaultInstance();
        });
  }

  @Override
  public void updateJobTimeout(
      UpdateJobTimeoutRequest request, StreamObserver<UpdateJobTimeoutResponse> response) {
    unary(
        "UPDATE_TIMEOUT",
        response,
        () -> {
          engine.updateJobTimeout(request.getJobKey(), Duration.ofMillis(request.getTimeout()));
          return UpdateJobTimeoutResponse.getDefaultInstance();
        });
  }

  @Override
  public void setVariables(
      SetVariablesRequest request, StreamObserver<SetVariablesResponse> response) {
    unary(
        "UPDATE",
        response,
        () -> {
          long key =
              engine.setVariables(
                  request.getElementInstanceKey(),
                  Commands.variables(request.getVariables()),
                  request.getLocal());
          return SetVariablesResponse.newBuilder().setKey(key).build();
        });
  }

  @Override
  public void resolveIncident(
      ResolveIncidentRequest request, StreamObserver<ResolveIncidentResponse> response) {
    unary(
        "RESOLVE",
        response,
        () -> {
          engine.resolveIncident(request.getIncidentKey());
          return ResolveIncidentResponse.getDefaultInstance();
        });
  }

  @Override
  public void publishMessage(
      PublishMessageRequest request, StreamObserver<PublishMessageResponse> response) {
    unary(
        "PUBLISH",
        response,
        () -> {
          if (request.getName().isBlank()) {
            throw Status.INVALID_ARGUMENT
                .withDescription("Expected to publish a message with a name, but none given")
                .asRuntimeException();
          }
          long key =
              engine.publishMessage(
                  request.getName(),
                  request.getCorrelationKey(),
                  Duration.ofMillis(Math.max(0, request.getTimeToLive())),
                  request.getMessageId().isEmpty() ? null : request.getMessageId(),
                  Commands.variables(request.getVariables()));
          return PublishMessageResponse.newBuilder()
              .setKey(key)
              .setTenantId(tenant(request.getTenantId()))
              .build();
        });
  }

  @Override
  public void broadcastSignal(
      BroadcastSignalRequest request, StreamObserver<BroadcastSignalResponse> response) {
    unary(
        "BROADCAST",
        response,
        () -> {
          if (request.getSignalName().isBlank()) {
            throw Status.INVALID_ARGUMENT
                .withDescription("Expected to broadcast a signal with a name, but none given")
                .asRuntimeException();
          }
          long key =
              engine.broadcastSignal(
                  request.getSignalName(), Commands.variables(request.getVariables()));
          return BroadcastSignalResponse.newBuilder()
              .setKey(key)
              .setTenantId(tenant(request.getTenantId()))
              .build();
        });
  }

  private static <T> void unary(String intent, StreamObserver<T> response, Supplier<T> command) {
    T reply;
    try {
      reply = command.get();
    } catch (RuntimeException e) {
      response.onError(GrpcErrors.toStatus(intent, e));
      return;
    }
    response.onNext(reply);
    response.onCompleted();
  }

  private static String tenant(String tenantId) {
    return tenantId == null || tenantId.isBlank() ? DEFAULT_TENANT : tenantId;
  }
}
