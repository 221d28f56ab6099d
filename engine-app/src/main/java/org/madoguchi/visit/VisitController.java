package org.madoguchi.visit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.madoguchi.connectors.notice.MoveOutNoticeConnector;
import org.madoguchi.connectors.notice.MoveOutNoticeSummary;
import org.madoguchi.forms.WritingBurden;
import org.madoguchi.security.CurrentStaff;
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

/** The Visit API: what the counter does with a visit, from opening it to submitting the signed applications. */
@RestController
@RequestMapping("/api")
@Tag(name = "Visits", description = "来庁（ワンストップ窓口の受付から申請まで）")
@PreAuthorize("hasAnyRole('" + Roles.COUNTER + "', '" + Roles.ADMIN + "')")
class VisitController {

  private final VisitService visits;
  private final VisitViews views;
  private final VisitApplications applications;
  private final MoveOutNoticeConnector notices;
  private final Clock clock;

  VisitController(VisitService visits, VisitViews views, VisitApplications applications,
      MoveOutNoticeConnector notices, Clock clock) {
    this.clock = clock;
    this.visits = visits;
    this.views = views;
    this.applications = applications;
    this.notices = notices;
  }

  @GetMapping("/move-out-notices")
  @Operation(summary = "転入を待つ転出証明書情報の一覧（所属自治体あてのもの）")
  List<MoveOutNoticeSummary> moveOutNotices() {
    return notices.listPending(CurrentStaff.get().requireTenantId());
  }

  @GetMapping("/visits")
  @Operation(summary = "来庁ボード: 窓口で手続中の来庁と待ち時間（長い順）")
  List<VisitBoardEntry> board() {
    Instant now = Instant.now(clock);
    return visits.inProgress().stream().map(visit -> views.boardEntry(visit, now))
        .filter(Objects::nonNull).toList();
  }

  @PostMapping("/visits")
  @Operation(summary = "来庁を開始する（世帯情報を呼び出し、関連手続を提案する）")
  ResponseEntity<VisitView> open(@RequestBody OpenVisitRequest request) {
    Visit visit = visits.open(request.lifeEvent(), request.moveOutNoticeId());
    return ResponseEntity.created(URI.create("/api/visits/" + visit.id())).body(views.of(visit));
  }

  @GetMapping("/visits/{id}")
  @Operation(summary = "来庁の状況（世帯・聞き取り・各手続の状態）")
  VisitView get(@PathVariable String id) {
    return views.of(visits.get(id));
  }

  @GetMapping("/visits/{id}/progress")
  @Operation(summary = "来庁の進み具合（状態・エラーの有無・手続の件数。個人情報を含まないので、待つ間の確認に）")
  VisitProgress progress(@PathVariable String id) {
    return views.progressOf(visits.find(id));
  }

  @GetMapping("/visits/{id}/burden")
  @Operation(summary = "書く負担: 紙なら書く項目数と、窓口で住民が書く項目数・署名数")
  WritingBurden burden(@PathVariable String id) {
    return applications.burden(visits.get(id));
  }

  @PutMapping("/visits/{id}/interview")
  @Operation(summary = "聞き取りの回答を記録し、関連手続の提案を更新する")
  VisitView recordInterview(@PathVariable String id, @RequestBody InterviewAnswers answers) {
    return views.of(visits.recordInterview(id, answers));
  }

  @PostMapping("/visits/{id}/submit")
  @Operation(summary = "署名して申請する（転入を記録し、関連手続を各課へ開始する）")
  ResponseEntity<VisitView> submit(@PathVariable String id, @RequestBody SubmitRequest request) {
    return ResponseEntity.accepted().body(views.of(visits.submit(id, request.signaturePng())));
  }

  record OpenVisitRequest(@NotBlank String lifeEvent, String moveOutNoticeId) {
  }

  record SubmitRequest(String signaturePng) {
  }
}
