package org.madoguchi.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.madoguchi.procedure.ProcedureState;
import org.madoguchi.procedure.VisitProcedures;
import org.madoguchi.visit.Visit;
import org.madoguchi.visit.VisitBoardEntry;
import org.madoguchi.visit.VisitService;
import org.madoguchi.visit.VisitStatus;
import org.madoguchi.visit.VisitViews;
import org.springframework.stereotype.Component;

/**
 * The visit board (待たない): the visits still at the counter, longest waiting first, with how long each has
 * waited, and the visits opened today that are done at the counter. No names: it may hang where residents
 * see it.
 */
@Component
class VisitBoard {

  private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

  private final VisitService visits;
  private final VisitViews views;
  private final VisitProcedures procedures;
  private final Clock clock;

  VisitBoard(VisitService visits, VisitViews views, VisitProcedures procedures, Clock clock) {
    this.visits = visits;
    this.views = views;
    this.procedures = procedures;
    this.clock = clock;
  }

  Snapshot now() {
    Instant now = Instant.now(clock);
    Instant startOfToday = LocalDate.now(clock.withZone(JAPAN)).atStartOfDay(JAPAN).toInstant();
    List<VisitBoardEntry> waiting = new ArrayList<>();
    List<Done> done = new ArrayList<>();
    for (Visit visit : visits.inProgress()) {
      VisitBoardEntry entry = views.boardEntry(visit, now);
      if (entry != null) {
        waiting.add(entry);
      } else if (!visit.openedAt().isBefore(startOfToday)) {
        List<ProcedureState> started = procedures.of(visit.id());
        long completed = started.stream().filter(p -> p.state() == ProcedureState.Step.COMPLETED).count();
        done.add(new Done(visit.id(), visit.lifeEvent(),
            completed == started.size() ? VisitStatus.COMPLETED : VisitStatus.ACCEPTED, visit.openedAt(),
            visit.household().members().size(), (int) completed, started.size()));
      }
    }
    done.sort((a, b) -> b.openedAt().compareTo(a.openedAt()));
    long longest = waiting.stream().mapToLong(VisitBoardEntry::waitingMinutes).max().orElse(0);
    long average = Math.round(waiting.stream().mapToLong(VisitBoardEntry::waitingMinutes).average().orElse(0));
    return new Snapshot(now, waiting, done, average, longest);
  }

  /** The board at one moment: who waits (longest first), who is done today (latest first), the waits. */
  record Snapshot(Instant at, List<VisitBoardEntry> waiting, List<Done> doneToday, long averageWaitingMinutes,
      long longestWaitingMinutes) {
  }

  /** A visit of today done at the counter: every procedure accepted, or every one completed. */
  record Done(String id, String lifeEvent, VisitStatus status, Instant openedAt, int memberCount,
      int proceduresCompleted, int procedureCount) {
  }
}
