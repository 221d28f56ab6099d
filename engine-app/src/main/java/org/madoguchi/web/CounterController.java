package org.madoguchi.web;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.madoguchi.card.CardVisitOpener;
import org.madoguchi.connectors.notice.MoveOutNoticeConnector;
import org.madoguchi.connectors.notice.MoveOutNoticeSummary;
import org.madoguchi.security.CurrentStaff;
import org.madoguchi.security.Roles;
import org.madoguchi.system.ApiException;
import org.madoguchi.visit.Visit;
import org.madoguchi.visit.VisitService;
import org.madoguchi.visit.VisitStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The counter's start page: the move-out notices sent ahead (searchable), opening a visit from one or from
 * the resident's My Number card, and the
 * visit board. The board alone, for a display, is at /board.
 */
@Controller
class CounterController {

  static final String LIFE_EVENT_MOVE_IN = "MOVE_IN";

  private final MoveOutNoticeConnector notices;
  private final VisitService visits;
  private final VisitBoard board;
  private final CardVisitOpener cardVisits;

  CounterController(MoveOutNoticeConnector notices, VisitService visits, VisitBoard board,
      CardVisitOpener cardVisits) {
    this.cardVisits = cardVisits;
    this.notices = notices;
    this.visits = visits;
    this.board = board;
  }

  @GetMapping("/counter")
  @PreAuthorize("hasAnyRole('" + Roles.COUNTER + "', '" + Roles.ADMIN + "')")
  String start(@RequestParam(required = false) String q, Model model) {
    List<MoveOutNoticeSummary> pending = notices.listPending(CurrentStaff.get().requireTenantId());
    String query = q == null ? "" : q.strip();
    model.addAttribute("q", query);
    model.addAttribute("pendingCount", pending.size());
    model.addAttribute("notices", query.isEmpty() ? pending : pending.stream().filter(n -> matches(n, query)).toList());
    model.addAttribute("openVisitByNotice", openVisitByNotice());
    model.addAttribute("board", board.now());
    return "counter/start";
  }

  @PostMapping("/counter/visits")
  @PreAuthorize("hasAnyRole('" + Roles.COUNTER + "', '" + Roles.ADMIN + "')")
  String open(@RequestParam String noticeId, RedirectAttributes redirect) {
    try {
      Visit visit = visits.open(LIFE_EVENT_MOVE_IN, noticeId);
      return "redirect:/visits/" + visit.id() + "/interview";
    } catch (ApiException e) {
      redirect.addFlashAttribute("error", e.getMessage());
      return "redirect:/counter";
    }
  }

  @PostMapping("/counter/visits/from-card")
  @PreAuthorize("hasAnyRole('" + Roles.COUNTER + "', '" + Roles.ADMIN + "')")
  String openFromCard(@RequestParam(required = false) String pin, RedirectAttributes redirect) {
    try {
      Visit visit = cardVisits.open(LIFE_EVENT_MOVE_IN, pin == null ? null : pin.toCharArray());
      return "redirect:/visits/" + visit.id() + "/interview";
    } catch (ApiException e) {
      redirect.addFlashAttribute("error", e.getMessage());
      return "redirect:/counter";
    }
  }

  @GetMapping("/board")
  String board(Model model) {
    model.addAttribute("board", board.now());
    return "counter/board";
  }

  /** Visits opened from a notice and not yet submitted, by notice: the counter resumes them. */
  private Map<String, String> openVisitByNotice() {
    Map<String, String> open = new HashMap<>();
    for (Visit visit : visits.inProgress()) {
      if (visit.status() == VisitStatus.INTERVIEW || visit.status() == VisitStatus.CONFIRMATION) {
        open.put(visit.moveOutNoticeId(), visit.id());
      }
    }
    return open;
  }

  /** A notice matches its number, the head's name or kana (spaces ignored), or where the household comes from. */
  private static boolean matches(MoveOutNoticeSummary notice, String query) {
    String q = normalize(query);
    return normalize(notice.id()).contains(q) || normalize(notice.householdHeadName()).contains(q)
        || normalize(notice.householdHeadNameKana()).contains(q) || normalize(notice.fromMunicipalityName()).contains(q);
  }

  private static String normalize(String text) {
    return text == null ? "" : text.replaceAll("[\\s\u3000]", "").toLowerCase(Locale.ROOT);
  }
}
