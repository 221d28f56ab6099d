package org.madoguchi.registry;

import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.madoguchi.audit.AuditAction;
import org.madoguchi.audit.AuditLog;
import org.madoguchi.connectors.notice.MoveOutNoticeConnector;
import org.madoguchi.connectors.registry.HouseholdMember;
import org.madoguchi.connectors.registry.MoveInRegistration;
import org.madoguchi.connectors.registry.MoveInRequest;
import org.madoguchi.connectors.registry.ResidentRegistryConnector;
import org.madoguchi.visit.Visit;
import org.madoguchi.visit.VisitHousehold;
import org.madoguchi.visit.VisitRepository;
import org.madoguchi.visit.VisitService;
import org.springframework.stereotype.Component;

/**
 * Records the signed move-in in the resident registry (宛名番号 and 世帯番号 issued). Runs as an async job:
 * a registry failure is retried and then becomes an incident; the registry's idempotency by visit id
 * keeps a retry from registering the household twice.
 */
@Component
class RegisterMoveInDelegate implements JavaDelegate {

  private final VisitRepository visits;
  private final VisitService visitService;
  private final ResidentRegistryConnector registry;
  private final MoveOutNoticeConnector notices;
  private final AuditLog audit;
  private final Clock clock;

  RegisterMoveInDelegate(VisitRepository visits, VisitService visitService, ResidentRegistryConnector registry,
      MoveOutNoticeConnector notices, AuditLog audit, Clock clock) {
    this.visits = visits;
    this.visitService = visitService;
    this.registry = registry;
    this.notices = notices;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String visitId = execution.getProcessBusinessKey();
    Visit visit = visits.find(visitId)
        .orElseThrow(() -> new IllegalStateException("visit " + visitId + " of this process is missing"));
    VisitHousehold household = visit.household();
    LocalDate notifiedOn = visit.submittedAt() == null ? LocalDate.now(clock)
        : LocalDate.ofInstant(visit.submittedAt(), clock.getZone());
    MoveInRequest request = new MoveInRequest(visit.id(), visit.moveOutNoticeId(), visit.municipalityCode(), visitService.effectiveDate(visit),
        notifiedOn, household.postalCode(), household.address(), household.addressLine2(),
        household.previousAddress(),
        household.members());

    MoveInRegistration registration = registry.registerMoveIn(request);

    visits.recordRegistration(visit.id(), registration);
    if (visit.moveOutNoticeId() != null) {
      notices.markUsed(visit.moveOutNoticeId(), visit.id());
    }
    registration.atenaNumberByMemberRef().values().forEach(atenaNumber ->
        audit.record(AuditAction.REGISTER_RESIDENT, visit.id(), atenaNumber, "転入の記録"));
    execution.setVariable("householdNumber", registration.householdNumber());
  }
}
