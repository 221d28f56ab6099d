package org.madoguchi.processes.procedure;

import org.camunda.bpm.engine.test.Deployment;

/** マイナンバーカード継続利用 住所変更（市民課）: driven through every path of {@link ProcedureProcessContract}. */
@Deployment(resources = "bpmn/card-continuation.bpmn")
class CardContinuationProcessTest extends ProcedureProcessContract {

  CardContinuationProcessTest() {
    super("card-continuation", "マイナンバーカード継続利用 住所変更", "citizens", "市民課", "HOUSEHOLD");
  }
}
