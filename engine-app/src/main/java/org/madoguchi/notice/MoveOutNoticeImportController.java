package org.madoguchi.notice;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import org.madoguchi.audit.AuditAction;
import org.madoguchi.audit.AuditLog;
import org.madoguchi.connectors.notice.CsvMoveOutNoticeImporter;
import org.madoguchi.connectors.notice.MoveOutNoticeConnector;
import org.madoguchi.connectors.notice.MoveOutNoticeImportReport;
import org.madoguchi.security.Roles;
import org.madoguchi.system.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Imports move-out notices sent ahead as a CSV file (the layout of connectors/docs/move-out-notice-csv.md):
 * all of the file or, when any row has a problem, none of it, with every problem by line and column.
 */
@RestController
@RequestMapping("/api/move-out-notices/import")
@Tag(name = "Move-out notices", description = "転出証明書情報（引越しワンストップサービス等からの事前通知）")
@PreAuthorize("hasRole('" + Roles.ADMIN + "')")
class MoveOutNoticeImportController {

  private final CsvMoveOutNoticeImporter importer;
  private final MoveOutNoticeConnector notices;
  private final AuditLog audit;

  MoveOutNoticeImportController(CsvMoveOutNoticeImporter importer, MoveOutNoticeConnector notices, AuditLog audit) {
    this.importer = importer;
    this.notices = notices;
    this.audit = audit;
  }

  @PostMapping(consumes = "text/csv")
  @Operation(summary = "転出証明書情報をCSVファイルから取り込む（不備が1行でもあれば何も取り込まない）")
  ResponseEntity<Object> importCsv(@RequestBody byte[] csv) {
    return answer(importer.importCsv(csv));
  }

  @PostMapping(consumes = "multipart/form-data")
  @Operation(summary = "転出証明書情報をCSVファイル（multipart の file）から取り込む")
  ResponseEntity<Object> importUpload(@RequestParam("file") MultipartFile file) {
    try {
      return answer(importer.importCsv(file.getBytes()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ResponseEntity<Object> answer(MoveOutNoticeImportReport report) {
    if (report.rows() == 0 && report.succeeded()) {
      throw ApiException.badRequest("empty-csv", "CSVファイルに転出証明書情報の行がありません。");
    }
    if (!report.succeeded()) {
      String message = "CSVファイルに不備があります（" + report.problems().size() + "件）。何も取り込んでいません。"
          + "各行の不備を直してから、ファイル全体をもう一度取り込んでください。";
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, message);
      problem.setInstance(URI.create("/api/move-out-notices/import"));
      problem.setProperty("error", "invalid-csv");
      problem.setProperty("message", message);
      problem.setProperty("problems", report.problems());
      return ResponseEntity.unprocessableEntity().body(problem);
    }
    // Whose data came in: one entry per person, found by the resident reference like every other access, in the
    // municipality the notice was sent to.
    for (String noticeId : report.imported()) {
      notices.find(noticeId).ifPresent(notice -> notice.members().forEach(member -> audit.record(
          AuditAction.IMPORT_MOVE_OUT_NOTICES, notice.toMunicipalityCode(), null, member.id(),
          "転出証明書情報の取込 " + noticeId)));
    }
    return ResponseEntity.ok(report);
  }
}
