package org.madoguchi.processes.procedure;

import org.camunda.bpm.engine.test.Deployment;

/** 印鑑登録（市民課）: driven through every path of {@link ProcedureProcessContract}. */
@Deployment(resources = "bpmn/seal-registration.bpmn")
class SealRegistrationProcessTest extends ProcedureProcessContract {

  SealRegistrationProcessTest() {
    super("seal-registration", "印鑑登録", "citizens", "市民課", "MEMBER");
  }
}
