package org.flowcrm.crm.listview.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.flowcrm.crm.listview.ListKind;
import org.flowcrm.crm.listview.ListView;
import org.flowcrm.crm.listview.ListViewCommand;
import org.flowcrm.crm.listview.ListViewService;
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
@RequestMapping("/api/v1/list-views")
class ListViewController {

  private final ListViewService views;

  ListViewController(ListViewService views) {
    this.views = views;
  }

  /** The caller's own views of {@code list} and the shared ones. */
  @GetMapping
  List<ListView> visible(@RequestParam ListKind list) {
    return views.visible(list);
  }

  @GetMapping("/{id}")
  ResponseEntity<ListView> get(@PathVariable long id) {
    return withETag(views.get(id));
  }

  @PostMapping
  ResponseEntity<ListView> create(@Valid @RequestBody ListViewCommand command) {
    ListView view = views.create(command);
    return ResponseEntity.created(URI.create("/api/v1/list-views/" + view.id()))
        .eTag(ETags.of(view.version()))
        .body(view);
  }

  @PutMapping("/{id}")
  ResponseEntity<ListView> update(
      @PathVariable long id,
      @RequestHeader(name = "If-Match", required = false) String ifMatch,
      @Valid @RequestBody ListViewCommand command) {
    return withETag(views.update(id, command, ETags.expectedVersion(ifMatch, true)));
  }

  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(
      @PathVariable long id, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
    views.delete(id, ETags.expectedVersion(ifMatch, false));
    return ResponseEntity.noContent().build();
  }

  private static ResponseEntity<ListView> withETag(ListView view) {
    return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
  }
}
