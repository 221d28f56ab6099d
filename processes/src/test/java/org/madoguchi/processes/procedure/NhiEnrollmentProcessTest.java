package org.madoguchi.processes.procedure;

import org.camunda.bpm.engine.test.Deployment;

/** 国民健康保険 加入（保険年金課）: driven through every path of {@link ProcedureProcessContract}. */
@Deployment(resources = "bpmn/nhi-enrollment.bpmn")
class NhiEnrollmentProcessTest extends ProcedureProcessContract {

  NhiEnrollmentProcessTest() {
    super("nhi-enrollment", "国民健康保険 加入", "insurance-pension", "保険年金課", "HOUSEHOLD");
  }
}
