package org.flowcrm.crm.report;

import java.math.BigDecimal;
import java.util.List;

/**
 * The sales funnel of deals created in the period, per pipeline. A deal counts in every open stage
 * up to the furthest one it reached (from its stage history); won deals count in every open stage.
 */
public record Funnel(
    ReportParameters parameters, String baseCurrency, List<PipelineFunnel> pipelines) {

  /** One pipeline's funnel; {@code entered} is the first stage's count. */
  public record PipelineFunnel(
      long pipelineId,
      String pipelineName,
      List<Stage> stages,
      Outcome won,
      Outcome lost,
      List<LostReason> lostReasons) {

    public long entered() {
      return stages.isEmpty() ? 0 : stages.get(0).count();
    }
  }

  /**
   * An open stage: deals that reached it, their amount in the base currency, and the percentage of
   * the previous stage's deals that got here ({@code null} for the first stage or after an empty
   * one).
   */
  public record Stage(
      long stageId,
      String code,
      String name,
      long count,
      BigDecimal amount,
      BigDecimal conversion) {}

  /** Won or lost: how many, their amount, and the percentage of the deals that entered. */
  public record Outcome(long count, BigDecimal amount, BigDecimal percentOfEntered) {}

  /**
   * Why deals were lost, as far as the CRM records it: the furthest open stage a lost deal had
   * reached before it was lost ({@code stageName} is {@code null} when it never reached one).
   */
  public record LostReason(Long stageId, String stageName, long count, BigDecimal amount) {}
}
