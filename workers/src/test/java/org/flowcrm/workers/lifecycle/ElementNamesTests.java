package org.flowcrm.workers.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import org.flowcrm.processes.ProcessIds;
import org.junit.jupiter.api.Test;

class ElementNamesTests {

  private final ElementNames names = new ElementNames();

  @Test
  void namesComeFromTheModelsOfTheProcessesModule() {
    assertThat(names.of(ProcessIds.LEAD_PROCESSING, "qualify-lead")).isEqualTo("Qualify lead");
    assertThat(names.of(ProcessIds.LEAD_PROCESSING, "assign-responsible"))
        .isEqualTo("Assign responsible");
    assertThat(names.of(ProcessIds.DEAL_EXECUTION, "deal-created")).isEqualTo("Deal created");
  }

  @Test
  void anUnknownProcessOrElementHasNoName() {
    assertThat(names.of("no-such-process", "qualify-lead")).isNull();
    assertThat(names.of(ProcessIds.LEAD_PROCESSING, "no-such-element")).isNull();
    assertThat(names.of(null, null)).isNull();
  }
}
