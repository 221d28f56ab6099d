package org.madoguchi.processes.procedure;

import org.camunda.bpm.engine.test.Deployment;

/** 児童手当 認定請求（子育て支援課）: driven through every path of {@link ProcedureProcessContract}. */
@Deployment(resources = "bpmn/child-allowance.bpmn")
class ChildAllowanceProcessTest extends ProcedureProcessContract {

  ChildAllowanceProcessTest() {
    super("child-allowance", "児童手当 認定請求", "child-support", "子育て支援課", "MEMBER");
  }
}
