package org.madoguchi.staff;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.madoguchi.security.Roles;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Administrators manage staff accounts: who signs in, in which role or department. */
@RestController
@RequestMapping("/api/users")
@Tag(name = "Users", description = "職員のアカウントと役割・課（管理者）")
@PreAuthorize("hasRole('" + Roles.ADMIN + "')")
class StaffAccountController {

  private final StaffAccounts accounts;

  StaffAccountController(StaffAccounts accounts) {
    this.accounts = accounts;
  }

  @GetMapping
  @Operation(summary = "職員のアカウントと所属グループの一覧")
  List<StaffAccount> list() {
    return accounts.list();
  }

  @GetMapping("/groups")
  @Operation(summary = "アカウントに付けられる役割（窓口・BPR アドバイザー・管理者）と課")
  List<StaffGroup> groups() {
    return accounts.assignableGroups();
  }

  @GetMapping("/{id}")
  @Operation(summary = "職員のアカウント")
  StaffAccount get(@PathVariable String id) {
    return accounts.get(id);
  }

  @PostMapping
  @Operation(summary = "アカウントを作る（役割か課を1つ以上、パスワードは12文字以上）")
  ResponseEntity<StaffAccount> create(@RequestBody StaffAccounts.NewAccount request) {
    StaffAccount created = accounts.create(request);
    return ResponseEntity.created(URI.create("/api/users/" + created.id())).body(created);
  }

  @PutMapping("/{id}/groups")
  @Operation(summary = "所属グループを置き換える（最後の管理者は管理者から外せない）")
  StaffAccount setGroups(@PathVariable String id, @RequestBody GroupsRequest request) {
    return accounts.setGroups(id, request.groups());
  }

  @PutMapping("/{id}/password")
  @Operation(summary = "パスワードを設定し直す（ロックも解除する）")
  ResponseEntity<Void> resetPassword(@PathVariable String id, @RequestBody PasswordRequest request) {
    accounts.resetPassword(id, request.password());
    return ResponseEntity.noContent().build();
  }

  record GroupsRequest(List<String> groups) {
  }

  record PasswordRequest(String password) {
  }
}
