package org.flowcrm.crm.deal;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.flowcrm.crm.shared.AggregateRoot;
import org.flowcrm.crm.shared.Named;
import org.hibernate.annotations.BatchSize;

/** A sales pipeline: ordered stages, the last two being the won and the lost one. */
@Entity
@Table(name = "crm_pipeline")
@BatchSize(size = 50)
public class Pipeline extends AggregateRoot<Pipeline> implements Named {

  @Column(name = "name", nullable = false, length = 100)
  private String name;

  @Column(name = "sort_order", nullable = false)
  private int sortOrder;

  @Column(name = "is_default", nullable = false)
  private boolean defaultPipeline;

  @OneToMany(mappedBy = "pipeline", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("sortOrder ASC, id ASC")
  @BatchSize(size = 50)
  private List<Stage> stages = new ArrayList<>();

  protected Pipeline() {}

  Pipeline(String name, int sortOrder) {
    this.name = name;
    this.sortOrder = sortOrder;
  }

  void rename(String name, int sortOrder) {
    this.name = name;
    this.sortOrder = sortOrder;
    touch();
  }

  Stage addStage(String code, String name, StageSemantic semantic, Integer probability) {
    Stage stage = new Stage(this, code, name, semantic, probability, stages.size() * 10);
    stages.add(stage);
    touch();
    return stage;
  }

  void removeStage(Stage stage) {
    stages.remove(stage);
    touch();
  }

  Optional<Stage> stage(String code) {
    return stages.stream().filter(s -> s.getCode().equals(code)).findFirst();
  }

  Optional<Stage> stage(long id) {
    return stages.stream().filter(s -> s.getId() != null && s.getId() == id).findFirst();
  }

  /** The stage new deals start in: the first open one. */
  Stage firstStage() {
    return getStages().stream()
        .filter(s -> s.getSemantic() == StageSemantic.OPEN)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("Pipeline " + getId() + " has no open stage"));
  }

  public String getName() {
    return name;
  }

  public int getSortOrder() {
    return sortOrder;
  }

  public boolean isDefaultPipeline() {
    return defaultPipeline;
  }

  /** The stages in their order (kept sorted also right after a reordering update). */
  public List<Stage> getStages() {
    return stages.stream()
        .sorted(
            java.util.Comparator.comparingInt(Stage::getSortOrder)
                .thenComparing(
                    Stage::getId,
                    java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())))
        .toList();
  }
}
