package org.flowcrm.workers.lifecycle;

import io.camunda.client.api.response.ActivatedJob;
import org.flowcrm.crm.process.ProcessLinkService;
import org.flowcrm.crm.process.ProcessSubject;
import org.flowcrm.processes.JobTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Records on a lead or deal the element its process is at, from the job a worker is running, so
 * cards and lists show "Qualify lead since 10:02" without asking the engine. Every worker that runs
 * for a lead or deal calls {@link #at} first.
 *
 * <p>A job of a called process (courier delivery inside deal execution) is recorded against the
 * root instance, the one linked to the deal. A job of an instance that does not drive the record
 * (another instance owns it) is not recorded.
 */
@Component
public class ProcessPositions {

  private static final Logger log = LoggerFactory.getLogger(ProcessPositions.class);

  private final ProcessLinkService links;
  private final ElementNames names;

  public ProcessPositions(ProcessLinkService links, ElementNames names) {
    this.links = links;
    this.names = names;
  }

  /**
   * Records that the process of {@code job} is at the job's element on the record {@code
   * entityType} ({@code LEAD} or {@code DEAL}) {@code entityId}; other entity types are ignored.
   */
  public void at(ActivatedJob job, String entityType, Long entityId) {
    ProcessSubject subject = subject(entityType);
    if (subject == null || entityId == null) {
      return;
    }
    Long root = job.getRootProcessInstanceKey();
    long instanceKey = root == null || root <= 0 ? job.getProcessInstanceKey() : root.longValue();
    String processId = instanceKey == job.getProcessInstanceKey() ? job.getBpmnProcessId() : null;
    boolean recorded =
        links.record(
            subject,
            entityId,
            instanceKey,
            processId,
            job.getElementId(),
            names.of(job.getBpmnProcessId(), job.getElementId()));
    if (!recorded) {
      log.debug(
          "{} {} is driven by another instance than {}; position {} not recorded",
          subject,
          entityId,
          instanceKey,
          job.getElementId());
    }
  }

  static ProcessSubject subject(String entityType) {
    if (JobTypes.Values.LEAD.equals(entityType)) {
      return ProcessSubject.LEAD;
    }
    if (JobTypes.Values.DEAL.equals(entityType)) {
      return ProcessSubject.DEAL;
    }
    return null;
  }
}
