package org.flowcrm.engine.grpc;

import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivatedJob;
import org.flowcrm.engine.server.Commands;

/** An engine job as the gRPC protocol carries it: headers and variables as JSON strings. */
final class Jobs {

  private Jobs() {}

  static ActivatedJob toProto(org.flowcrm.engine.api.ActivatedJob job) {
    return ActivatedJob.newBuilder()
        .setKey(job.key())
        .setType(job.type())
        .setProcessInstanceKey(job.processInstanceKey())
        .setBpmnProcessId(job.bpmnProcessId())
        .setProcessDefinitionVersion(job.processDefinitionVersion())
        .setProcessDefinitionKey(job.processDefinitionKey())
        .setElementId(job.elementId())
        .setElementInstanceKey(job.elementInstanceKey())
        .setCustomHeaders(Commands.toJson(job.customHeaders()))
        .setWorker(job.worker() == null ? "" : job.worker())
        .setRetries(job.retries())
        .setDeadline(job.deadline())
        .setVariables(Commands.toJson(job.variables()))
        .setTenantId(job.tenantId() == null ? GatewayService.DEFAULT_TENANT : job.tenantId())
        .setKind(ActivatedJob.JobKind.BPMN_ELEMENT)
        .setListenerEventType(ActivatedJob.ListenerEventType.UNSPECIFIED)
        .build();
  }
}
