package org.flowcrm.crm.deal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A pipeline with its stages in order. Stages are identified by their code: on update, known codes
 * are renamed and reordered, new codes added, and codes left out removed (when no deal is in them).
 * Exactly one stage must be {@code WON} and one {@code LOST}; they always come last.
 */
public record PipelineCommand(
    @NotBlank @Size(max = 100) String name,
    Integer sortOrder,
    @NotEmpty @Size(max = 50) List<@Valid @NotNull StageCommand> stages) {

  /** A stage of a {@link PipelineCommand}. */
  public record StageCommand(
      @NotNull
          @Pattern(
              regexp = "[A-Z][A-Z0-9_]{0,39}",
              message = "must be upper-case letters, digits and _ (at most 40)")
          String code,
      @NotBlank @Size(max = 100) String name,
      StageSemantic semantic,
      @Min(0) @Max(100) Integer probability) {}
}
