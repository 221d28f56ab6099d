package org.madoguchi.processes.procedure;

import org.camunda.bpm.engine.test.Deployment;

/** 国民年金 第1号被保険者 資格取得（保険年金課）: driven through every path of {@link ProcedureProcessContract}. */
@Deployment(resources = "bpmn/national-pension.bpmn")
class NationalPensionProcessTest extends ProcedureProcessContract {

  NationalPensionProcessTest() {
    super("national-pension", "国民年金 第1号被保険者 資格取得", "insurance-pension", "保険年金課", "MEMBER");
  }
}
