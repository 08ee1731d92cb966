package org.flowcrm.crm.deal;

import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.flowcrm.crm.deal.PipelineCommand.StageCommand;
import org.flowcrm.crm.permission.AccessPolicy;
import org.flowcrm.crm.shared.ConflictException;
import org.flowcrm.crm.shared.FieldProblem;
import org.flowcrm.crm.shared.InvalidFieldException;
import org.flowcrm.crm.shared.NotFoundException;
import org.flowcrm.crm.shared.Versions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/** Configures pipelines and their stages. */
@Service
@Validated
@Transactional(readOnly = true)
public class PipelineService {

  private final Pipelines pipelines;
  private final Deals deals;
  private final AccessPolicy policy;

  PipelineService(Pipelines pipelines, Deals deals, AccessPolicy policy) {
    this.pipelines = pipelines;
    this.deals = deals;
    this.policy = policy;
  }

  public List<PipelineView> list() {
    return pipelines.findAllByOrderBySortOrderAscIdAsc().stream().map(PipelineView::of).toList();
  }

  public PipelineView get(long id) {
    return PipelineView.of(require(id));
  }

  /** The pipeline deals go to when none is named (the seeded "Sales" one unless changed). */
  public PipelineView defaultPipeline() {
    return PipelineView.of(defaultPipelineEntity());
  }

  @Transactional
  public PipelineView create(@Valid PipelineCommand command) {
    policy.requireAdministrator("PIPELINES");
    List<StageCommand> ordered = validate(command);
    Pipeline pipeline =
        new Pipeline(command.name(), command.sortOrder() == null ? 100 : command.sortOrder());
    for (StageCommand stage : ordered) {
      pipeline.addStage(stage.code(), stage.name(), semantic(stage), stage.probability());
    }
    return PipelineView.of(pipelines.saveAndFlush(pipeline));
  }

  @Transactional
  public PipelineView update(long id, @Valid PipelineCommand command, Long expectedVersion) {
    policy.requireAdministrator("PIPELINES");
    Pipeline pipeline = require(id);
    Versions.check("Pipeline", id, pipeline.getVersion(), expectedVersion);
    List<StageCommand> ordered = validate(command);
    Set<String> codes = new HashSet<>();
    ordered.forEach(s -> codes.add(s.code()));
    for (Stage stage : pipeline.getStages()) {
      if (!codes.contains(stage.getCode())) {
        if (deals.existsByStageId(stage.getId())) {
          throw new ConflictException(
              "Stage " + stage.getCode() + " still has deals; move them before removing it");
        }
        pipeline.removeStage(stage);
      }
    }
    int position = 0;
    for (StageCommand stageCommand : ordered) {
      StageSemantic semantic = semantic(stageCommand);
      Stage stage = pipeline.stage(stageCommand.code()).orElse(null);
      if (stage == null) {
        stage =
            pipeline.addStage(
                stageCommand.code(), stageCommand.name(), semantic, stageCommand.probability());
      } else if (stage.getSemantic() != semantic) {
        throw new InvalidFieldException(
            "stages[" + position + "].semantic",
            "stage " + stageCommand.code() + " is " + stage.getSemantic() + " and cannot change");
      }
      stage.update(stageCommand.name(), stageCommand.probability(), position * 10);
      position++;
    }
    pipeline.rename(
        command.name(),
        command.sortOrder() == null ? pipeline.getSortOrder() : command.sortOrder());
    pipelines.saveAndFlush(pipeline);
    return PipelineView.of(pipeline);
  }

  /**
   * Deletes a pipeline nobody uses: refused (409) while deals are in it, and for the default
   * pipeline, where deals go when none is named.
   */
  @Transactional
  public void delete(long id, Long expectedVersion) {
    policy.requireAdministrator("PIPELINES");
    Pipeline pipeline = require(id);
    Versions.check("Pipeline", id, pipeline.getVersion(), expectedVersion);
    if (pipeline.isDefaultPipeline()) {
      throw new ConflictException(
          "Pipeline " + pipeline.getName() + " is the default pipeline and cannot be deleted");
    }
    long inUse = deals.countByPipelineId(id);
    if (inUse > 0) {
      throw new ConflictException(
          "Pipeline "
              + pipeline.getName()
              + " still has "
              + inUse
              + (inUse == 1 ? " deal" : " deals")
              + "; move or delete them first");
    }
    pipelines.delete(pipeline);
  }

  Pipeline defaultPipelineEntity() {
    return pipelines
        .findFirstByDefaultPipelineTrue()
        .or(() -> pipelines.findAllByOrderBySortOrderAscIdAsc().stream().findFirst())
        .orElseThrow(() -> new IllegalStateException("No pipeline configured"));
  }

  Pipeline require(long id) {
    return pipelines.findById(id).orElseThrow(() -> new NotFoundException("Pipeline", id));
  }

  /** The pipeline a command names, or a 422 naming {@code field}. */
  Pipeline require(long id, String field) {
    return pipelines
        .findById(id)
        .orElseThrow(() -> new InvalidFieldException(field, "pipeline " + id + " does not exist"));
  }

  private static StageSemantic semantic(StageCommand stage) {
    return stage.semantic() == null ? StageSemantic.OPEN : stage.semantic();
  }

  /** Checks the stage list and returns it in its stored order: open stages, won, lost. */
  private static List<StageCommand> validate(PipelineCommand command) {
    List<FieldProblem> problems = new ArrayList<>();
    Set<String> codes = new HashSet<>();
    List<StageCommand> open = new ArrayList<>();
    List<StageCommand> won = new ArrayList<>();
    List<StageCommand> lost = new ArrayList<>();
    for (int i = 0; i < command.stages().size(); i++) {
      StageCommand stage = command.stages().get(i);
      if (!codes.add(stage.code())) {
        problems.add(new FieldProblem("stages[" + i + "].code", "is used twice: " + stage.code()));
      }
      switch (semantic(stage)) {
        case OPEN -> open.add(stage);
        case WON -> won.add(stage);
        case LOST -> lost.add(stage);
      }
    }
    if (open.isEmpty()) {
      problems.add(new FieldProblem("stages", "need at least one OPEN stage"));
    }
    if (won.size() != 1) {
      problems.add(new FieldProblem("stages", "need exactly one WON stage"));
    }
    if (lost.size() != 1) {
      problems.add(new FieldProblem("stages", "need exactly one LOST stage"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidFieldException(problems);
    }
    List<StageCommand> ordered = new ArrayList<>(open);
    ordered.addAll(won);
    ordered.addAll(lost);
    return ordered;
  }
}
