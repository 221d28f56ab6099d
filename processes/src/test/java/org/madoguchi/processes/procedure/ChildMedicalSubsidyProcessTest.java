package org.madoguchi.processes.procedure;

import org.camunda.bpm.engine.test.Deployment;

/** 子ども医療費助成 受給資格認定（子育て支援課）: driven through every path of {@link ProcedureProcessContract}. */
@Deployment(resources = "bpmn/child-medical-subsidy.bpmn")
class ChildMedicalSubsidyProcessTest extends ProcedureProcessContract {

  ChildMedicalSubsidyProcessTest() {
    super("child-medical-subsidy", "子ども医療費助成 受給資格認定", "child-support", "子育て支援課", "HOUSEHOLD");
  }
}
