package org.flowcrm.crm.deal;

import java.util.List;

/** A pipeline with its stages in order. */
public record PipelineView(
    long id,
    long version,
    String name,
    int sortOrder,
    boolean defaultPipeline,
    List<StageView> stages) {

  static PipelineView of(Pipeline p) {
    return new PipelineView(
        p.getId(),
        p.getVersion(),
        p.getName(),
        p.getSortOrder(),
        p.isDefaultPipeline(),
        p.getStages().stream().map(StageView::of).toList());
  }

  /** One stage: {@code semantic} tells open, won or lost. */
  public record StageView(
      long id,
      String code,
      String name,
      StageSemantic semantic,
      Integer probability,
      int sortOrder) {

    static StageView of(Stage s) {
      return new StageView(
          s.getId(),
          s.getCode(),
          s.getName(),
          s.getSemantic(),
          s.getProbability(),
          s.getSortOrder());
    }
  }
}
