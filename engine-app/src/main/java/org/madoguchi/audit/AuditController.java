package org.madoguchi.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.madoguchi.security.CurrentStaff;
import org.madoguchi.security.Roles;
import org.madoguchi.system.ApiException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The administrators' view of the audit log: a municipality's administrator reads its municipality's entries,
 * the installation's administrators every municipality's.
 */
@RestController
@RequestMapping("/api/audit")
@Tag(name = "Audit", description = "個人情報へのアクセス記録（管理者）")
@PreAuthorize("hasAnyRole('" + Roles.ADMIN + "', '" + Roles.TENANT_ADMIN + "')")
class AuditController {

  /** The most entries one export returns: page through longer periods with {@code from}. */
  static final int EXPORT_LIMIT = 10_000;

  private final AuditLog audit;
  private final AuditChain chain;

  AuditController(AuditLog audit, AuditChain chain) {
    this.audit = audit;
    this.chain = chain;
  }

  @GetMapping("/verify")
  @Operation(summary = "アクセス記録のハッシュチェーンを検証する（改ざん・削除があればその位置）")
  AuditChain.Verification verify() {
    return chain.verify();
  }

  @GetMapping("/export")
  @Operation(summary = "期間のアクセス記録をハッシュチェーンの値とともに書き出す（保存・ローテーション用、最大10,000件）")
  List<AuditChain.Sealed> export(@RequestParam String from, @RequestParam String to) {
    Instant start = day(from, "from");
    Instant end = day(to, "to");
    if (!start.isBefore(end)) {
      throw ApiException.badRequest("invalid-period", "期間の終わり（to）は始まり（from）より後の日付にしてください。");
    }
    return chain.export(start, end, EXPORT_LIMIT);
  }

  private static Instant day(String text, String name) {
    try {
      return LocalDate.parse(text).atStartOfDay(ZoneId.of("Asia/Tokyo")).toInstant();
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest("invalid-date", name + " は日付（例: 2026-11-01）で指定してください。");
    }
  }

  @GetMapping
  @Operation(summary = "来庁または住民ごとのアクセス記録")
  List<AuditEntry> entries(@RequestParam(required = false) String visitId,
      @RequestParam(required = false) String residentId) {
    if (isBlank(visitId) && isBlank(residentId)) {
      throw ApiException.badRequest("missing-filter", "来庁番号（visitId）か住民（residentId）を指定してください。");
    }
    CurrentStaff staff = CurrentStaff.get();
    return audit.find(isBlank(visitId) ? null : visitId, isBlank(residentId) ? null : residentId,
        staff.isAdmin() ? null : staff.requireTenantId());
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
