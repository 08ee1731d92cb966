package org.flowcrm.crm.deal.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.flowcrm.crm.deal.PipelineCommand;
import org.flowcrm.crm.deal.PipelineService;
import org.flowcrm.crm.deal.PipelineView;
import org.flowcrm.crm.shared.ETags;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/pipelines")
class PipelineController {

  private final PipelineService pipelines;

  PipelineController(PipelineService pipelines) {
    this.pipelines = pipelines;
  }

  @GetMapping
  List<PipelineView> list() {
    return pipelines.list();
  }

  @GetMapping("/{id}")
  ResponseEntity<PipelineView> get(@PathVariable long id) {
    PipelineView pipeline = pipelines.get(id);
    return ResponseEntity.ok().eTag(ETags.of(pipeline.version())).body(pipeline);
  }

  @PostMapping
  ResponseEntity<PipelineView> create(@Valid @RequestBody PipelineCommand command) {
    PipelineView pipeline = pipelines.create(command);
    return ResponseEntity.created(URI.create("/api/v1/pipelines/" + pipeline.id()))
        .eTag(ETags.of(pipeline.version()))
        .body(pipeline);
  }

  @PutMapping("/{id}")
  ResponseEntity<PipelineView> update(
      @PathVariable long id,
      @RequestHeader(name = "If-Match", required = false) String ifMatch,
      @Valid @RequestBody PipelineCommand command) {
    PipelineView pipeline = pipelines.update(id, command, ETags.expectedVersion(ifMatch, true));
    return ResponseEntity.ok().eTag(ETags.of(pipeline.version())).body(pipeline);
  }

  /** 409 while deals are in the pipeline, or for the default pipeline. */
  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(
      @PathVariable long id, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
    pipelines.delete(id, ETags.expectedVersion(ifMatch, false));
    return ResponseEntity.noContent().build();
  }
}
