package org.madoguchi.card;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import org.madoguchi.security.Roles;
import org.madoguchi.visit.Visit;
import org.madoguchi.visit.VisitView;
import org.madoguchi.visit.VisitViews;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Opening a visit by reading the resident's My Number card on the counter's reader. */
@RestController
@Tag(name = "Visits", description = "来庁（ワンストップ窓口の受付から申請まで）")
@PreAuthorize("hasAnyRole('" + Roles.COUNTER + "', '" + Roles.ADMIN + "')")
class CardVisitController {

  private final CardVisitOpener opener;
  private final VisitViews views;

  CardVisitController(CardVisitOpener opener, VisitViews views) {
    this.opener = opener;
    this.views = views;
  }

  @PostMapping("/api/visits/from-card")
  @Operation(summary = "マイナンバーカード（券面事項入力補助AP）を読み取り、その方の転出証明書情報から来庁を開始する")
  ResponseEntity<VisitView> open(@RequestBody CardVisitRequest request) {
    Visit visit = opener.open(request.lifeEvent(), request.pin() == null ? null : request.pin().toCharArray());
    return ResponseEntity.created(URI.create("/api/visits/" + visit.id())).body(views.of(visit));
  }

  /** The PIN the resident enters; it goes to the card and nowhere else. */
  record CardVisitRequest(@NotBlank String lifeEvent, String pin) {

    @Override
    public String toString() {
      return "CardVisitRequest[lifeEvent=" + lifeEvent + ", pin=****]";
    }
  }
}
