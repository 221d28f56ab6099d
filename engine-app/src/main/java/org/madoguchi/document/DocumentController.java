package org.madoguchi.document;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.madoguchi.audit.AuditAction;
import org.madoguchi.audit.AuditLog;
import org.madoguchi.security.Roles;
import org.madoguchi.system.ApiException;
import org.madoguchi.visit.VisitService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed applications of a visit: list, download, and verification that none was changed. */
@RestController
@RequestMapping("/api")
@Tag(name = "Documents", description = "署名済み申請書（電子保存・改ざん検知）")
@PreAuthorize("hasAnyRole('" + Roles.COUNTER + "', '" + Roles.ADMIN + "')")
class DocumentController {

  private final DocumentArchive archive;
  private final VisitService visits;
  private final AuditLog audit;

  DocumentController(DocumentArchive archive, VisitService visits, AuditLog audit) {
    this.archive = archive;
    this.visits = visits;
    this.audit = audit;
  }

  @GetMapping("/visits/{id}/documents")
  @Operation(summary = "来庁の申請書一覧（SHA-256 付き）")
  List<ArchivedDocument> list(@PathVariable String id) {
    return archive.ofVisit(visits.get(id).id());
  }

  @GetMapping("/visits/{id}/documents/verify")
  @Operation(summary = "来庁の申請書が保存時から変わっていないかを検証する")
  Verification verify(@PathVariable String id) {
    List<String> problems = archive.verify(visits.get(id).id());
    return new Verification(problems.isEmpty(), problems);
  }

  @GetMapping("/documents/{id}")
  @Operation(summary = "申請書の PDF")
  @Transactional
  ResponseEntity<byte[]> pdf(@PathVariable String id) {
    ArchivedDocument document = archive.find(id).orElseThrow(() -> ApiException.notFound("document-not-found",
        "指定された申請書は見つかりません。"));
    byte[] pdf = archive.pdf(id).orElseThrow();
    audit.record(AuditAction.READ_DOCUMENT, document.visitId(), null, "申請書 " + document.title());
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
            .filename(document.formId() + ".pdf").build().toString())
        .body(pdf);
  }

  record Verification(boolean valid, List<String> problems) {
  }
}
