package org.madoguchi.processes.procedure;

import org.camunda.bpm.engine.test.Deployment;

/** 就学 転入学（学校教育課）: driven through every path of {@link ProcedureProcessContract}. */
@Deployment(resources = "bpmn/school-enrollment.bpmn")
class SchoolEnrollmentProcessTest extends ProcedureProcessContract {

  SchoolEnrollmentProcessTest() {
    super("school-enrollment", "就学 転入学", "school-education", "学校教育課", "MEMBER");
  }
}
