package org.madoguchi.handoff;

import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.madoguchi.audit.AuditAction;
import org.madoguchi.audit.AuditLog;
import org.madoguchi.connectors.handoff.DepartmentHandoffConnector;
import org.madoguchi.connectors.handoff.Handoff;
import org.madoguchi.procedure.ProcedureCatalog;
import org.madoguchi.procedure.ProcedureDefinition;
import org.springframework.stereotype.Component;

/**
 * Hands an approved case over to its department's system, keyed by the procedure instance so that a
 * retried job never delivers it twice.
 */
@Component
class HandOverToDepartmentSystemDelegate implements JavaDelegate {

  private final DepartmentHandoffConnector handoff;
  private final ProcedureCatalog procedures;
  private final AuditLog audit;

  HandOverToDepartmentSystemDelegate(DepartmentHandoffConnector handoff, ProcedureCatalog procedures,
      AuditLog audit) {
    this.handoff = handoff;
    this.procedures = procedures;
    this.audit = audit;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ProcedureDefinition procedure = procedures.forDefinition(execution.getProcessDefinitionId())
        .orElseThrow(() -> new IllegalStateException("process " + execution.getProcessDefinitionId()
            + " declares no department"));
    String atenaNumbers = (String) execution.getVariable("atenaNumbers");
    List<String> concerned = atenaNumbers == null || atenaNumbers.isBlank() ? List.of()
        : Arrays.asList(atenaNumbers.split(","));
    String visitId = execution.getProcessBusinessKey();
    // The case's municipality is its tenant, fixed when it started: staff who complete a task may set variables
    // (through /engine-rest too). The variable only for a case started before municipalities were tenants.
    String municipality = execution.getTenantId() != null ? execution.getTenantId()
        : (String) execution.getVariable("municipalityCode");
    handoff.handOver(new Handoff(execution.getProcessInstanceId(), procedure.processKey(), procedure.department(),
        visitId, municipality, concerned));
    // The case's municipality: the delegate runs in the job executor, where no one is signed in.
    concerned.forEach(atenaNumber -> audit.record(AuditAction.HAND_OVER, execution.getTenantId(), visitId,
        atenaNumber, procedure.name() + " を" + procedure.departmentName() + "のシステムへ引継ぎ"));
  }
}
