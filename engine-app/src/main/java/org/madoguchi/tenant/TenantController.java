package org.madoguchi.tenant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.madoguchi.security.CurrentStaff;
import org.madoguchi.security.Roles;
import org.madoguchi.system.ApiException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Municipalities and their settings. The installation's administrators add municipalities and say who works
 * for which; a municipality's administrator sees and sets its own settings only.
 */
@RestController
@RequestMapping("/api/tenants")
@Tag(name = "Municipalities", description = "自治体（テナント）と自治体ごとの設定")
@PreAuthorize("hasAnyRole('" + Roles.ADMIN + "', '" + Roles.TENANT_ADMIN + "')")
class TenantController {

  private final Tenants tenants;

  TenantController(Tenants tenants) {
    this.tenants = tenants;
  }

  @GetMapping
  @Operation(summary = "自治体の一覧（自治体の管理者には自分の自治体のみ）")
  List<Tenant> list() {
    CurrentStaff staff = CurrentStaff.get();
    return tenants.all().stream().filter(tenant -> staff.sees(tenant.code())).toList();
  }

  @PostMapping
  @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
  @Operation(summary = "自治体を追加する（地方公共団体コードは検査数字まで確認）")
  ResponseEntity<Tenant> create(@RequestBody TenantRequest request) {
    Tenant tenant = tenants.create(request.code(), request.name(), request.childMedicalSubsidyAgeLimit());
    return ResponseEntity.created(URI.create("/api/tenants/" + tenant.code())).body(tenant);
  }

  @PutMapping("/{code}")
  @Operation(summary = "自治体名と設定（子ども医療費助成の対象年齢など）を変更する")
  Tenant update(@PathVariable String code, @RequestBody TenantRequest request) {
    if (!CurrentStaff.get().sees(code)) {
      throw ApiException.notFound("municipality-not-found", "指定された自治体は登録されていません。");
    }
    return tenants.update(code, request.name(), request.childMedicalSubsidyAgeLimit());
  }

  @PutMapping("/{code}/members/{userId}")
  @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
  @Operation(summary = "ユーザーをこの自治体の職員にする（他の自治体からは外れる）")
  ResponseEntity<Void> assign(@PathVariable String code, @PathVariable String userId) {
    tenants.assignUser(userId, code);
    return ResponseEntity.noContent().build();
  }

  record TenantRequest(String code, String name, Integer childMedicalSubsidyAgeLimit) {
  }
}
