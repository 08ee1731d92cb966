package org.flowcrm.workers.lifecycle;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientHttpException;
import java.util.Map;
import org.flowcrm.crm.deal.DealProcessGateway;
import org.flowcrm.crm.deal.StageSemantic;
import org.flowcrm.processes.JobTypes;
import org.springframework.stereotype.Component;

/**
 * Asks a deal's process, through the Camunda client, whether a manager may move the deal: it
 * <em>correlates</em> {@link JobTypes.Messages#DEAL_STAGE_MOVE} with the key {@code
 * <dealId>:<stage>} (or {@link JobTypes.Messages#DEAL_LOST} for a lost stage), which succeeds only
 * when the process waits for exactly that move. It never publishes with a time to live: a buffered
 * move would fire later, at the wrong moment.
 */
@Component
public class CamundaDealProcessGateway implements DealProcessGateway {

  static final String KANBAN_LOST_REASON = "Moved to a lost stage by a manager";

  private final CamundaClient client;

  public CamundaDealProcessGateway(CamundaClient client) {
    this.client = client;
  }

  @Override
  public boolean requestStageMove(
      long dealId, long processInstanceKey, String targetStageCode, StageSemantic targetSemantic) {
    boolean lost = targetSemantic == StageSemantic.LOST;
    try {
      client
          .newCorrelateMessageCommand()
          .messageName(lost ? JobTypes.Messages.DEAL_LOST : JobTypes.Messages.DEAL_STAGE_MOVE)
          .correlationKey(
              lost
                  ? Long.toString(dealId)
                  : JobTypes.Messages.stageMoveKey(dealId, targetStageCode))
          .variables(lost ? Map.of(JobTypes.Variables.LOST_REASON, KANBAN_LOST_REASON) : Map.of())
          .send()
          .join();
      return true;
    } catch (ClientHttpException e) {
      if (e.code() == 404) {
        return false; // no subscription waits for this move
      }
      throw e;
    }
  }
}
