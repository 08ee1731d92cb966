package org.flowcrm.ui.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The figures the analytics page computes itself: percentiles and the diagram's element names. */
class ProcessAnalyticsTests {

  @Test
  void percentilesAreTimesSomeInstanceReallyTook() {
    List<Long> times = List.of(400L, 100L, 300L, 200L, 1000L, 500L, 600L, 700L, 800L, 900L);
    assertThat(ProcessAnalytics.percentile(times, 50)).isEqualTo(500L);
    assertThat(ProcessAnalytics.percentile(times, 90)).isEqualTo(900L);
    assertThat(ProcessAnalytics.percentile(List.of(42L), 90)).isEqualTo(42L);
    assertThat(ProcessAnalytics.percentile(List.of(1L, 2L), 50)).isEqualTo(1L);
    assertThat(ProcessAnalytics.percentile(List.of(), 50)).isNull();
  }

  @Test
  void elementNamesAreReadInDiagramOrderAndUnnamedElementsKeepTheirId() {
    String xml =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d">
          <bpmn:process id="p" name="Process" isExecutable="true">
            <bpmn:startEvent id="start" name=" Lead in "/>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="call"/>
            <bpmn:serviceTask id="call" name="Call the lead"/>
            <bpmn:exclusiveGateway id="gw"/>
            <bpmn:endEvent id="end" name="Done"/>
          </bpmn:process>
        </bpmn:definitions>
        """;
    assertThat(ProcessAnalytics.elementNames(xml))
        .containsExactly(
            java.util.Map.entry("start", "Lead in"),
            java.util.Map.entry("call", "Call the lead"),
            java.util.Map.entry("gw", "gw"),
            java.util.Map.entry("end", "Done"));
  }

  @Test
  void aDiagramThatCannotBeReadGivesNoNamesRatherThanAnError() {
    assertThat(
            ProcessAnalytics.elementNames(
                "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"))
        .isEmpty();
  }
}
