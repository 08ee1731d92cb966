package org.flowcrm.processes;

import java.util.List;

/**
 * Process ids of the models under {@code bpmn/}. A model's process id equals its file name without
 * {@code .bpmn}.
 */
public final class ProcessIds {

  /** Started for every new lead; ends converted (starting {@link #DEAL_EXECUTION}) or as junk. */
  public static final String LEAD_PROCESSING = "lead-processing";

  /** One instance per deal; its milestones are the deal's pipeline stages. */
  public static final String DEAL_EXECUTION = "deal-execution";

  /** Called by {@link #DEAL_EXECUTION} to deliver an order through a courier. */
  public static final String COURIER_DELIVERY = "courier-delivery";

  /** Every process id, in deployment order (a called process before its caller). */
  public static final List<String> ALL = List.of(COURIER_DELIVERY, DEAL_EXECUTION, LEAD_PROCESSING);

  /** The classpath resource of a process's model. */
  public static String resource(String processId) {
    return "bpmn/" + processId + ".bpmn";
  }

  private ProcessIds() {}
}
