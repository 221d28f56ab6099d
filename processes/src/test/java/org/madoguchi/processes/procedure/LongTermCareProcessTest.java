package org.madoguchi.processes.procedure;

import org.camunda.bpm.engine.test.Deployment;

/** 介護保険 資格取得・認定引継ぎ（介護保険課）: driven through every path of {@link ProcedureProcessContract}. */
@Deployment(resources = "bpmn/long-term-care.bpmn")
class LongTermCareProcessTest extends ProcedureProcessContract {

  LongTermCareProcessTest() {
    super("long-term-care", "介護保険 資格取得・認定引継ぎ", "long-term-care", "介護保険課", "MEMBER");
  }
}
