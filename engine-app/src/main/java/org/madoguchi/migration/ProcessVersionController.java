package org.madoguchi.migration;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.madoguchi.security.Roles;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Administrators see every process version, suspend or activate one, and migrate running cases. */
@RestController
@RequestMapping("/api")
@Tag(name = "Versions", description = "プロセスの版と実行中の案件の移行（管理者）")
@PreAuthorize("hasRole('" + Roles.ADMIN + "')")
class ProcessVersionController {

  private final ProcessVersionService versions;

  ProcessVersionController(ProcessVersionService versions) {
    this.versions = versions;
  }

  @GetMapping("/process-versions")
  @Operation(summary = "プロセスの全版と、各版で動いている案件数")
  List<ProcessVersion> list(@RequestParam(required = false) String key) {
    return versions.versions(key);
  }

  @PostMapping("/process-versions/{id}/suspend")
  @Operation(summary = "版を停止する（新しい案件を開始できなくなる）")
  ResponseEntity<Void> suspend(@PathVariable String id) {
    versions.suspend(id);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/process-versions/{id}/activate")
  @Operation(summary = "停止した版を再開する")
  ResponseEntity<Void> activate(@PathVariable String id) {
    versions.activate(id);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/migrations")
  @Operation(summary = "実行中の案件を別の版へ移行する（dryRun=true で検証のみ）")
  MigrationReport migrate(@RequestBody MigrationRequest request) {
    return versions.migrate(request.sourceDefinitionId(), request.targetDefinitionId(), request.dryRun());
  }

  record MigrationRequest(String sourceDefinitionId, String targetDefinitionId, boolean dryRun) {
  }
}
