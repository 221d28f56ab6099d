package org.madoguchi.deployment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.madoguchi.security.CurrentStaff;
import org.madoguchi.security.Roles;
import org.madoguchi.system.ApiException;
import org.madoguchi.tenant.Tenants;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * Administrators deploy new versions of processes, decisions and forms as one checked bundle: the
 * installation's administrators the shared definitions or, naming it, a municipality's own; a municipality's
 * administrator its municipality's own only.
 */
@RestController
@RequestMapping("/api/deployments")
@Tag(name = "Deployments", description = "プロセス・判定表・フォームの配置（管理者）")
@PreAuthorize("hasAnyRole('" + Roles.ADMIN + "', '" + Roles.TENANT_ADMIN + "')")
class DeploymentController {

  private final DeploymentService deployments;
  private final Tenants tenants;

  DeploymentController(DeploymentService deployments, Tenants tenants) {
    this.deployments = deployments;
    this.tenants = tenants;
  }

  /**
   * Checks the bundle and deploys it: 201 with what changed per process and decision key (versions before and after,
   * the burden metrics of each process before and after, lint warnings), or 422 with every problem. With
   * {@code dryRun=true}: the same check and summary, 200, and nothing deployed.
   */
  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(summary = "BPMN・DMN・フォームを検証してから一括で配置する（不備があれば何も配置しない。dryRun=true なら検証と変更点の要約だけ）")
  ResponseEntity<DeploymentSummary> deploy(MultipartHttpServletRequest request,
      @RequestParam(name = "name", required = false) String name,
      @RequestParam(name = "allowScripts", defaultValue = "false") boolean allowScripts,
      @RequestParam(name = "dryRun", defaultValue = "false") boolean dryRun,
      @RequestParam(name = "tenant", required = false) String tenant) {
    if (allowScripts && !CurrentStaff.get().isAdmin()) {
      // A script runs as the server on every municipality's data: only the installation's administrators decide that.
      throw ApiException.forbidden("scripts-need-installation-admin",
          "スクリプトの許可（allowScripts）はシステム全体の管理者だけが指定できます。");
    }
    List<BundleFile> files = request.getMultiFileMap().values().stream().flatMap(List::stream)
        .map(BundleFile::of).toList();
    if (files.isEmpty()) {
      throw ApiException.badRequest("empty-bundle", "配置するファイル（.bpmn / .dmn / .form）を添付してください。");
    }
    DeploymentSummary summary = deployments.deploy(
        name == null || name.isBlank() ? DeploymentService.DEFAULT_NAME : name.strip(), files, allowScripts, dryRun,
        tenantOf(tenant));
    if (dryRun) {
      return ResponseEntity.ok(summary);
    }
    return ResponseEntity.created(URI.create("/engine-rest/deployment/" + summary.deploymentId())).body(summary);
  }

  /** The municipality the bundle is for: the one named (installation administrators), else the deployer's own. */
  private String tenantOf(String requested) {
    CurrentStaff staff = CurrentStaff.get();
    boolean named = requested != null && !requested.isBlank();
    if (staff.isAdmin()) {
      return named ? tenants.registered(requested.strip()).code() : null;
    }
    String own = staff.requireTenantId();
    if (named && !requested.strip().equals(own)) {
      throw ApiException.forbidden("other-municipality", "他の自治体のモデルは配置できません。");
    }
    return own;
  }

  @ExceptionHandler(DeploymentService.InvalidBundleException.class)
  ResponseEntity<ProblemDetail> invalidBundle(DeploymentService.InvalidBundleException e) {
    String message = "配置できない内容があります（" + e.problems().size() + "件）。何も配置していません。";
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, message);
    problem.setInstance(URI.create("/api/deployments"));
    problem.setProperty("error", "invalid-bundle");
    problem.setProperty("message", message);
    problem.setProperty("problems", e.problems().stream()
        .map(p -> {
          Map<String, Object> entry = new java.util.LinkedHashMap<>();
          entry.put("file", p.file());
          entry.put("element", p.element());
          if (p.rule() != null) {
            entry.put("rule", p.rule());
          }
          entry.put("message", p.message());
          return entry;
        }).toList());
    return ResponseEntity.unprocessableEntity().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }
}
