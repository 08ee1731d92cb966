package org.flowcrm.crm.customfield.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.flowcrm.crm.customfield.CustomFieldCommand;
import org.flowcrm.crm.customfield.CustomFieldService;
import org.flowcrm.crm.customfield.CustomFieldView;
import org.flowcrm.crm.customfield.CustomizableEntity;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/custom-fields")
class CustomFieldController {

  private final CustomFieldService fields;

  CustomFieldController(CustomFieldService fields) {
    this.fields = fields;
  }

  /** The custom fields of one kind of record ({@code ?entity=DEAL}), in display order. */
  @GetMapping
  List<CustomFieldView> list(@RequestParam CustomizableEntity entity) {
    return fields.list(entity);
  }

  @GetMapping("/{id}")
  ResponseEntity<CustomFieldView> get(@PathVariable long id) {
    CustomFieldView field = fields.get(id);
    return ResponseEntity.ok().eTag(ETags.of(field.version())).body(field);
  }

  @PostMapping
  ResponseEntity<CustomFieldView> create(@Valid @RequestBody CustomFieldCommand command) {
    CustomFieldView field = fields.create(command);
    return ResponseEntity.created(URI.create("/api/v1/custom-fields/" + field.id()))
        .eTag(ETags.of(field.version()))
        .body(field);
  }

  @PutMapping("/{id}")
  ResponseEntity<CustomFieldView> update(
      @PathVariable long id,
      @RequestHeader(name = "If-Match", required = false) String ifMatch,
      @Valid @RequestBody CustomFieldCommand command) {
    CustomFieldView field = fields.update(id, command, ETags.expectedVersion(ifMatch, true));
    return ResponseEntity.ok().eTag(ETags.of(field.version())).body(field);
  }

  /** Deletes the field and its values on every record. */
  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(
      @PathVariable long id, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
    fields.delete(id, ETags.expectedVersion(ifMatch, false));
    return ResponseEntity.noContent().build();
  }
}
