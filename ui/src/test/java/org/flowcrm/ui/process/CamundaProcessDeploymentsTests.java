package org.flowcrm.ui.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.ProblemDetail;
import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.command.ProblemException;
import io.grpc.Status;
import org.flowcrm.ui.process.ProcessDeployments.DeploymentRefused;
import org.junit.jupiter.api.Test;

/**
 * How the client's errors become what the analyst sees. The deployment itself goes to a real engine
 * in the application's end-to-end test.
 */
class CamundaProcessDeploymentsTests {

  private static final String REJECTION =
      "Command 'CREATE' rejected with code 'INVALID_ARGUMENT': Expected to deploy new resources,"
          + " but encountered the following errors:\n"
          + "'lead.bpmn': - Element: Task_Call\n"
          + "    - ERROR: Must have exactly one 'zeebe:taskDefinition' extension element\n"
          + "- Element: Gateway_1.outgoing\n"
          + "    - ERROR: ...\n"
          + "- Element: Task_Call\n";

  @Test
  void aRestProblemKeepsTheEnginesTitleAndDetail() {
    ProblemException problem =
        new ProblemException(
            400,
            "Failed with code 400",
            new ProblemDetail().setTitle("INVALID_ARGUMENT").setStatus(400).setDetail(REJECTION));

    DeploymentRefused refused = CamundaProcessDeployments.refused(problem);

    assertThat(refused.title()).isEqualTo("INVALID_ARGUMENT");
    assertThat(refused.detail()).isEqualTo(REJECTION);
    assertThat(refused.elementIds()).containsExactly("Task_Call", "Gateway_1.outgoing");
    assertThat(refused).hasCause(problem);
  }

  @Test
  void aGrpcStatusKeepsItsDescription() {
    ClientStatusException status =
        new ClientStatusException(Status.INVALID_ARGUMENT.withDescription(REJECTION), null);

    DeploymentRefused refused = CamundaProcessDeployments.refused(status);

    assertThat(refused.title()).isEqualTo("INVALID_ARGUMENT");
    assertThat(refused.detail()).isEqualTo(REJECTION);
  }

  @Test
  void anUnreachableEngineIsReportedToo() {
    DeploymentRefused refused =
        CamundaProcessDeployments.refused(new ClientException("Connection refused"));

    assertThat(refused.title()).isEqualTo("ClientException");
    assertThat(refused.detail()).isEqualTo("Connection refused");
    assertThat(refused.elementIds()).isEmpty();
  }
}
