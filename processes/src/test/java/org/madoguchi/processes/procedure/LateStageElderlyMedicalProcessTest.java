package org.madoguchi.processes.procedure;

import org.camunda.bpm.engine.test.Deployment;

/** 後期高齢者医療（保険年金課）: driven through every path of {@link ProcedureProcessContract}. */
@Deployment(resources = "bpmn/late-stage-elderly-medical.bpmn")
class LateStageElderlyMedicalProcessTest extends ProcedureProcessContract {

  LateStageElderlyMedicalProcessTest() {
    super("late-stage-elderly-medical", "後期高齢者医療", "insurance-pension", "保険年金課", "MEMBER");
  }
}
