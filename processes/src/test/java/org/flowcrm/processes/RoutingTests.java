package org.flowcrm.processes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.ExclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeOutput;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Evaluates the models' decisions with the FEEL engine, case by case, as the README tables list
 * them: which gateway flow a value takes, and what the defaults and output mappings compute. The
 * routing through the real engine is tested end to end elsewhere; this keeps the tables honest.
 */
class RoutingTests {

  @ParameterizedTest(name = "{0} {1} with {2}={3} goes to {4}")
  @CsvSource({
    "lead-processing, qualification, qualification, junk, join-junk",
    "lead-processing, qualification, qualification, convert, convert-lead",
    "lead-processing, qualification, qualification, needsWork, join-call",
    "lead-processing, call-outcome, qualification, needsWork, repeat-call",
    "lead-processing, call-outcome, qualification, convert, join-decision",
    "lead-processing, call-outcome, qualification, junk, join-decision",
    "deal-execution, negotiation-outcome, negotiationOutcome, agreed, join-invoice",
    "deal-execution, negotiation-outcome, negotiationOutcome, reviseOffer, join-offer",
    "deal-execution, delivery-outcome, deliveryResult, delivered, enter-won",
    "deal-execution, delivery-outcome, deliveryResult, cancelled, close-after-cancelled-delivery",
    "courier-delivery, delivery-result, deliveryResult, delivered, join-delivered",
    "courier-delivery, delivery-result, deliveryResult, failed, log-failed-attempt",
    "courier-delivery, resolution, deliveryResolution, retry, join-retry",
    "courier-delivery, resolution, deliveryResolution, delivered, join-delivered",
    "courier-delivery, resolution, deliveryResolution, cancel, delivery-cancelled",
  })
  void gatewayTakesTheDocumentedFlow(
      String processId, String gatewayId, String variable, String value, String target) {
    assertThat(route(processId, gatewayId, Map.of(variable, value))).isEqualTo(target);
  }

  @ParameterizedTest(name = "attempt {0} of {1}: {2}")
  @CsvSource({"1, 3, join-retry", "2, 3, join-retry", "3, 3, resolve-delivery"})
  void failedDeliveriesAreRetriedUpToMaxAttempts(int attempt, int maxAttempts, String target) {
    assertThat(
            route(
                ProcessIds.COURIER_DELIVERY,
                "attempts-left",
                Map.of("attempt", attempt, "maxAttempts", maxAttempts)))
        .isEqualTo(target);
  }

  @Test
  void startEventsSetDefaultsButKeepWhatTheStarterGave() {
    assertThat(outputs(ProcessIds.LEAD_PROCESSING, "lead-created", Map.of()))
        .containsEntry("escalationAfter", "PT4H")
        .containsEntry("qualifyReminderCycle", "R3/PT1H");
    assertThat(
            outputs(ProcessIds.LEAD_PROCESSING, "lead-created", Map.of("escalationAfter", "PT30M")))
        .containsEntry("escalationAfter", "PT30M");
    assertThat(outputs(ProcessIds.DEAL_EXECUTION, "deal-created", Map.of()))
        .containsEntry("paymentReminderCycle", "R3/P3D")
        .containsEntry("paymentFollowUpAfter", "P7D")
        .containsEntry("maxDeliveryAttempts", 3L);
    assertThat(outputs(ProcessIds.COURIER_DELIVERY, "delivery-requested", Map.of("maxAttempts", 2)))
        .containsEntry("attempt", 0L)
        .containsEntry("maxAttempts", 2L);
  }

  @Test
  void eachDeliveryAttemptIsCounted() {
    assertThat(
            outputs(
                ProcessIds.COURIER_DELIVERY,
                "deliver-order",
                Map.of("attempt", 1, "deliveryResult", "failed")))
        .containsEntry("attempt", 2L)
        .containsEntry("deliveryResult", "failed")
        .containsEntry("deliveryNote", null);
  }

  @ParameterizedTest(name = "manager decides {0}: result {1}, attempt {2}")
  @CsvSource({"retry, failed, 0", "delivered, delivered, 3", "cancel, cancelled, 3"})
  void theManagersResolutionSetsTheResult(String resolution, String result, long attempt) {
    assertThat(
            outputs(
                ProcessIds.COURIER_DELIVERY,
                "resolve-delivery",
                Map.of("deliveryResolution", resolution, "deliveryResult", "failed", "attempt", 3)))
        .containsEntry("deliveryResult", result)
        .containsEntry("attempt", attempt);
  }

  @Test
  void theRepeatCallTimerGetsAnIsoDateTimeFromTheCallForm() {
    // form-js serialises the "utc_normalized" date-time field as below; timeDate =nextCallAt
    // hands the string to the engine, which parses it as an ISO 8601 zoned date-time
    JsonNode field = FormsTests.fields(Resources.json("forms/call-client.form")).get("nextCallAt");
    assertThat(field.path("timeSerializingFormat").asText()).isEqualTo("utc_normalized");
    Object value = Feel.evaluate("=nextCallAt", Map.of("nextCallAt", "2026-12-01T09:00Z"));
    assertThat(ZonedDateTime.parse((String) value)).isEqualTo("2026-12-01T09:00Z");
  }

  @Test
  void aDuplicateLeadIsClosedWithAReason() {
    assertThat(outputs(ProcessIds.LEAD_PROCESSING, "lead-duplicate", Map.of()))
        .containsEntry("qualificationReason", "Duplicate of an existing client");
  }

  /** The target of the flow an exclusive gateway takes: the first true condition, else default. */
  static String route(String processId, String gatewayId, Map<String, Object> variables) {
    BpmnModelInstance model = Resources.model(processId);
    ExclusiveGateway gateway = model.getModelElementById(gatewayId);
    for (SequenceFlow flow : gateway.getOutgoing()) {
      if (flow.getConditionExpression() != null
          && Boolean.TRUE.equals(
              Feel.evaluate(flow.getConditionExpression().getTextContent().strip(), variables))) {
        return flow.getTarget().getId();
      }
    }
    assertThat(gateway.getDefault()).as("default flow of %s", gatewayId).isNotNull();
    return gateway.getDefault().getTarget().getId();
  }

  /** The variables an element's output mappings produce from the given ones. */
  static Map<String, Object> outputs(
      String processId, String elementId, Map<String, Object> variables) {
    FlowNode node = Resources.model(processId).getModelElementById(elementId);
    ZeebeIoMapping mapping = node.getSingleExtensionElement(ZeebeIoMapping.class);
    Map<String, Object> result = new HashMap<>();
    for (ZeebeOutput output : mapping.getOutputs()) {
      result.put(output.getTarget(), Feel.evaluate(output.getSource(), variables));
    }
    return result;
  }
}
