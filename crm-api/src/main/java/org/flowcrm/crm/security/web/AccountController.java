package org.flowcrm.crm.security.web;

import java.util.List;
import org.flowcrm.crm.security.CrmUserPrincipal;
import org.flowcrm.crm.security.PasswordService;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class AccountController {

  private final PasswordService passwords;

  AccountController(PasswordService passwords) {
    this.passwords = passwords;
  }

  record Me(long id, String login, List<String> roles) {}

  record NewPassword(String password) {}

  /** The signed-in user and his roles. */
  @GetMapping("/me")
  Me me(@AuthenticationPrincipal CrmUserPrincipal user) {
    return new Me(user.id(), user.login(), user.roles());
  }

  @PutMapping("/users/{id}/password")
  ResponseEntity<Void> setPassword(
      @AuthenticationPrincipal CrmUserPrincipal user,
      @PathVariable long id,
      @RequestBody NewPassword body) {
    passwords.setPassword(user, id, body.password());
    return ResponseEntity.noContent().build();
  }
}
