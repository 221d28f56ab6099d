package org.madoguchi.procedure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.madoguchi.visit.ProposedProcedure;
import org.madoguchi.visit.Visit;
import org.madoguchi.visit.VisitRepository;
import org.springframework.stereotype.Component;

/**
 * Starts each procedure the resident signed for, in its department's process, with the visit id as
 * business key. Every start and the visit's new status commit together; a retry skips what a committed
 * try started. Variables are references only: no names, no addresses, never the My Number.
 */
@Component
class SpawnRelatedProceduresDelegate implements JavaDelegate {

  private final VisitRepository visits;
  private final VisitProcedures procedures;

  SpawnRelatedProceduresDelegate(VisitRepository visits, VisitProcedures procedures) {
    this.visits = visits;
    this.procedures = procedures;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String visitId = execution.getProcessBusinessKey();
    Visit visit = visits.find(visitId)
        .orElseThrow(() -> new IllegalStateException("visit " + visitId + " of this process is missing"));
    if (visit.registration() == null) {
      throw new IllegalStateException("visit " + visitId + " has no registry record yet");
    }
    Map<String, String> atenaNumbers = visit.registration().atenaNumberByMemberRef();
    for (ProposedProcedure procedure : visit.proposedProcedures()) {
      List<String> concerned = procedure.memberIds().stream().map(atenaNumbers::get).toList();
      Map<String, Object> variables = new LinkedHashMap<>();
      variables.put("visitId", visit.id());
      variables.put("municipalityCode", visit.municipalityCode());
      variables.put("householdNumber", visit.registration().householdNumber());
      variables.put("atenaNumbers", String.join(",", concerned));
      procedures.startOnce(visit.id(), visit.municipalityCode(), procedure.processKey(), procedure.scopeRef(),
          procedure.memberIds(), variables);
    }
    visits.markProceduresStarted(visit.id());
  }
}
