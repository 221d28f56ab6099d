package org.madoguchi.visit;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.madoguchi.connectors.registry.JapaneseCalendar;
import org.madoguchi.procedure.ProcedureState;
import org.madoguchi.procedure.VisitProcedures;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Builds the API's view of a visit, reading each started procedure's state from the engine. */
@Component
public class VisitViews {

  private final VisitService visits;
  private final VisitProcedures procedures;
  private final RuntimeService runtimeService;
  /** Incidents of the visit's own process instance, by the visit id (its business key) and the process key. */
  private final String visitIncidents;

  VisitViews(VisitService visits, VisitProcedures procedures, RuntimeService runtimeService,
      ManagementService managementService) {
    this.visits = visits;
    this.procedures = procedures;
    this.runtimeService = runtimeService;
    // read here, at start-up: the table names are an administrator's information once someone is signed in
    this.visitIncidents = "select count(*) from " + managementService.getTableName(Incident.class) + " I inner join "
        + managementService.getTableName(ProcessInstance.class) + " E on I.PROC_INST_ID_ = E.ID_ inner join "
        + managementService.getTableName(ProcessDefinition.class) + " D on E.PROC_DEF_ID_ = D.ID_ "
        + "where E.BUSINESS_KEY_ = #{visitId} and D.KEY_ = #{processKey}";
  }

  /** One read-only transaction, so the engine queries share a connection instead of one each. */
  @Transactional(readOnly = true)
  public VisitView of(Visit visit) {
    LifeEvent lifeEvent = visits.lifeEventOf(visit);
    InterviewAnswers answers = visits.currentAnswers(visit);
    LocalDate referenceDate = visits.referenceDate(lifeEvent, visit.household(), answers);
    List<ProcedureState> started = procedures.of(visit.id());
    Map<String, String> atenaNumbers = visit.registration() == null ? Map.of()
        : visit.registration().atenaNumberByMemberRef();

    List<VisitView.Member> members = visit.household().members().stream()
        .map(m -> new VisitView.Member(m.id(), atenaNumbers.get(m.id()), m.name().familyName(), m.name().givenName(),
            m.name().familyNameKana(), m.name().givenNameKana(), m.birthDate(),
            JapaneseCalendar.format(m.birthDate()), LegalAge.on(m.birthDate(), referenceDate), m.sex().name(),
            m.sex().japanese(), m.relationship(), m.householdHead(), m.flags()))
        .toList();
    VisitHousehold h = visit.household();
    VisitView.Household household = new VisitView.Household(
        visit.registration() == null ? null : visit.registration().householdNumber(), h.fromMunicipalityName(),
        h.previousAddress(), h.movedOutOn(), h.postalCode(), h.address(), h.addressLine2(), members);

    List<VisitView.Question> questions = new ArrayList<>();
    for (InterviewQuestion q : lifeEvent.questions()) {
      if (q.scope() == InterviewQuestion.Scope.HOUSEHOLD) {
        if (answers.household().containsKey(q.key())) {
          questions.add(question(q, null, answers.household().get(q.key())));
        }
      } else {
        answers.members().forEach((memberId, memberAnswers) -> {
          if (memberAnswers.containsKey(q.key())) {
            questions.add(question(q, memberId, memberAnswers.get(q.key())));
          }
        });
      }
    }
    boolean incident = hasIncident(visit.id(), lifeEvent.visitProcessKey());
    return new VisitView(visit.id(), visit.lifeEvent(), statusOf(visit, started), visit.municipalityCode(),
        visit.moveOutNoticeId(), visit.openedBy(), visit.openedAt(), visit.submittedAt(), incident, household,
        new VisitView.Interview(visit.interview() != null, referenceDate, questions), visit.proposedProcedures(),
        started);
  }

  /** How far the visit has got, read as the view reads it but without the household, the interview or the audit. */
  @Transactional(readOnly = true)
  public VisitProgress progressOf(Visit visit) {
    List<ProcedureState> started = procedures.of(visit.id());
    boolean incident = hasIncident(visit.id(), visits.lifeEventOf(visit).visitProcessKey());
    return new VisitProgress(visit.id(), statusOf(visit, started), incident, started.size(),
        (int) started.stream().filter(ProcedureState::accepted).count(),
        (int) started.stream().filter(p -> p.state() == ProcedureState.Step.COMPLETED).count());
  }

  /** The board line of a visit, or null once it is done at the counter. */
  @Transactional(readOnly = true)
  public VisitBoardEntry boardEntry(Visit visit, Instant now) {
    List<ProcedureState> started = procedures.of(visit.id());
    VisitStatus status = statusOf(visit, started);
    if (status == VisitStatus.ACCEPTED || status == VisitStatus.COMPLETED) {
      return null;
    }
    boolean incident = hasIncident(visit.id(), visits.lifeEventOf(visit).visitProcessKey());
    return new VisitBoardEntry(visit.id(), visit.lifeEvent(), status, visit.openedAt(),
        Duration.between(visit.openedAt(), now).toMinutes(), visit.household().members().size(),
        (int) started.stream().filter(p -> !p.accepted()).count(), incident);
  }

  /**
   * Whether the visit's own process (not one of its procedures, which share the business key) has an incident. A
   * native query: the view is polled, and the process instance query with its incident filter built the engine's
   * whole dynamic SQL for this one count (2.4 % of the application's CPU under load). The engine checks no grants on
   * a native query, as Madoguchi reads procedures' states as itself: a department whose task belongs to the visit
   * sees the visit's status, without a grant on the visit process; the visit is one found for the staff member.
   */
  private boolean hasIncident(String visitId, String visitProcessKey) {
    return runtimeService.createNativeProcessInstanceQuery().sql(visitIncidents).parameter("visitId", visitId)
        .parameter("processKey", visitProcessKey).count() > 0;
  }

  private static VisitView.Question question(InterviewQuestion q, String memberId, Object value) {
    return new VisitView.Question(q.key(), q.scope().name(), memberId, q.type().name(), q.label(), value);
  }

  /** A visit whose procedures have started is as far as its slowest procedure. */
  private static VisitStatus statusOf(Visit visit, List<ProcedureState> started) {
    if (visit.status() != VisitStatus.ACCEPTING) {
      return visit.status();
    }
    if (started.stream().allMatch(p -> p.state() == ProcedureState.Step.COMPLETED)) {
      return VisitStatus.COMPLETED;
    }
    return started.stream().allMatch(ProcedureState::accepted) ? VisitStatus.ACCEPTED : VisitStatus.ACCEPTING;
  }
}
