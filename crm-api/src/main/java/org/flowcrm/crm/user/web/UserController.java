package org.flowcrm.crm.user.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.flowcrm.crm.shared.ETags;
import org.flowcrm.crm.user.UserCommand;
import org.flowcrm.crm.user.UserService;
import org.flowcrm.crm.user.UserView;
import org.springframework.http.ResponseEntity;
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
@RequestMapping("/api/v1/users")
class UserController {

  private final UserService users;

  UserController(UserService users) {
    this.users = users;
  }

  @GetMapping
  List<UserView> list(@RequestParam(required = false) Boolean active) {
    return users.list(active);
  }

  @GetMapping("/{id}")
  ResponseEntity<UserView> get(@PathVariable long id) {
    UserView user = users.get(id);
    return ResponseEntity.ok().eTag(ETags.of(user.version())).body(user);
  }

  @PostMapping
  ResponseEntity<UserView> create(@Valid @RequestBody UserCommand command) {
    UserView user = users.create(command);
    return ResponseEntity.created(URI.create("/api/v1/users/" + user.id()))
        .eTag(ETags.of(user.version()))
        .body(user);
  }

  @PutMapping("/{id}")
  ResponseEntity<UserView> update(
      @PathVariable long id,
      @RequestHeader(name = "If-Match", required = false) String ifMatch,
      @Valid @RequestBody UserCommand command) {
    UserView user = users.update(id, command, ETags.expectedVersion(ifMatch, true));
    return ResponseEntity.ok().eTag(ETags.of(user.version())).body(user);
  }
}
