package org.madoguchi.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.madoguchi.security.Roles;
import org.madoguchi.system.ApiException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The administrators' view of the audit log. */
@RestController
@RequestMapping("/api/audit")
@Tag(name = "Audit", description = "個人情報へのアクセス記録（管理者）")
@PreAuthorize("hasRole('" + Roles.ADMIN + "')")
class AuditController {

  private final AuditLog audit;

  AuditController(AuditLog audit) {
    this.audit = audit;
  }

  @GetMapping
  @Operation(summary = "来庁または住民ごとのアクセス記録")
  List<AuditEntry> entries(@RequestParam(required = false) String visitId,
      @RequestParam(required = false) String residentId) {
    if (isBlank(visitId) && isBlank(residentId)) {
      throw ApiException.badRequest("missing-filter", "来庁番号（visitId）か住民（residentId）を指定してください。");
    }
    return audit.find(isBlank(visitId) ? null : visitId, isBlank(residentId) ? null : residentId);
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
