package org.flowcrm.processes;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.instance.Message;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeInput;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeSubscription;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.flowcrm.processes.JobTypes.Values;
import org.flowcrm.processes.JobTypes.Variables;
import org.junit.jupiter.api.Test;

/** The static values the models pass to workers are the ones {@link JobTypes} declares. */
class ContractTests {

  record Input(String processId, String taskId, String jobType, String name, String source) {}

  static List<Input> inputs() {
    List<Input> inputs = new ArrayList<>();
    for (String processId : ProcessIds.ALL) {
      for (ServiceTask task :
          Resources.model(processId).getModelElementsByType(ServiceTask.class)) {
        String type = task.getSingleExtensionElement(ZeebeTaskDefinition.class).getType();
        ZeebeIoMapping mapping = task.getSingleExtensionElement(ZeebeIoMapping.class);
        if (mapping != null) {
          for (ZeebeInput input : mapping.getInputs()) {
            inputs.add(
                new Input(processId, task.getId(), type, input.getTarget(), input.getSource()));
          }
        }
      }
    }
    return inputs;
  }

  static Set<String> staticValues(String name) {
    Set<String> values = new TreeSet<>();
    for (Input input : inputs()) {
      if (input.name().equals(name) && !input.source().startsWith("=")) {
        values.add(input.source());
      }
    }
    return values;
  }

  @Test
  void everyJobTypeIsUsedByAModel() {
    assertThat(inputs().stream().map(Input::jobType).distinct())
        .containsExactlyInAnyOrderElementsOf(JobTypes.ALL);
  }

  @Test
  void staticInputValuesAreDeclared() {
    assertThat(staticValues(Variables.ENTITY_TYPE))
        .containsExactlyInAnyOrder(Values.LEAD, Values.DEAL);
    assertThat(staticValues(Variables.CREATE))
        .containsExactlyInAnyOrder(Values.CONVERT_LEAD, Values.QUOTE, Values.INVOICE);
    Set<String> statuses = new TreeSet<>(Values.DEAL_STAGES);
    statuses.add(Values.LEAD_JUNK);
    assertThat(statuses).containsAll(staticValues(Variables.STATUS));
    assertThat(staticValues(Variables.STATUS)).containsAll(Values.DEAL_STAGES);
    assertThat(staticValues(Variables.NOTIFICATION))
        .containsExactlyInAnyOrderElementsOf(Values.NOTIFICATIONS);
    assertThat(staticValues(Variables.TEMPLATE))
        .containsExactlyInAnyOrderElementsOf(Values.MAIL_TEMPLATES);
    assertThat(staticValues(Variables.ACTIVITY))
        .containsExactlyInAnyOrderElementsOf(Values.ACTIVITIES);
    assertThat(staticValues(Variables.TASK_KIND)).containsExactly(Values.COURIER_DELIVERY);
  }

  @Test
  void inputNamesAreDeclaredVariables() throws IllegalAccessException {
    Set<String> declared = new TreeSet<>();
    for (var field : Variables.class.getFields()) {
      declared.add((String) field.get(null));
    }
    assertThat(declared).containsAll(inputs().stream().map(Input::name).toList());
  }

  @Test
  void stageMoveKeysOfTheModelAreTheOnesTheCrmComputes() {
    Set<Object> keys = new TreeSet<>();
    for (Message message :
        Resources.model(ProcessIds.DEAL_EXECUTION).getModelElementsByType(Message.class)) {
      if (message.getName().equals(JobTypes.Messages.DEAL_STAGE_MOVE)) {
        String key =
            message
                .getExtensionElements()
                .getElementsQuery()
                .filterByType(ZeebeSubscription.class)
                .singleResult()
                .getCorrelationKey();
        keys.add(Feel.evaluate(key, Map.of(Variables.DEAL_ID, 42L)));
      }
    }
    assertThat(keys)
        .containsExactlyInAnyOrder(
            JobTypes.Messages.stageMoveKey(42L, "OFFER"),
            JobTypes.Messages.stageMoveKey(42L, "INVOICE"),
            JobTypes.Messages.stageMoveKey(42L, "DELIVERY"));
  }
}
