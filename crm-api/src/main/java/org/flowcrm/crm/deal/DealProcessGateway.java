package org.flowcrm.crm.deal;

/**
 * The port through which the CRM asks the process driving a deal whether a manager may move it
 * (kanban drag, {@code PUT /deals/{id}/stage}). Implemented outside crm-api (the workers module,
 * with the Camunda client), so the CRM does not depend on the engine's client. Without an
 * implementation every move is the plain CRM update.
 */
public interface DealProcessGateway {

  /**
   * Tells the process instance {@code processInstanceKey} that a manager moves deal {@code dealId}
   * to {@code targetStageCode} ({@code targetSemantic} tells a lost stage from an open one).
   * Returns true when the process accepted the move (it was waiting for it), false when it does not
   * allow that move now. Failures to reach the engine are thrown.
   */
  boolean requestStageMove(
      long dealId, long processInstanceKey, String targetStageCode, StageSemantic targetSemantic);
}
