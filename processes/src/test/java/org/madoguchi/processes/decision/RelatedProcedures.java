package org.madoguchi.processes.decision;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;

/** Evaluates {@code move-in-related-procedures} for one member, as the engine-app does. */
final class RelatedProcedures {

  static final String DECISION_KEY = "move-in-related-procedures";

  /** One row of the decision's result. */
  record Decided(String procedure, String reason) {
  }

  private RelatedProcedures() {
  }

  static List<Decided> decide(DecisionService decisionService, MemberFacts member, HouseholdFacts household,
      int childMedicalSubsidyAgeLimit) {
    return decide(decisionService, member.toMap(), household.toMap(), tenant(childMedicalSubsidyAgeLimit));
  }

  static List<Decided> decide(DecisionService decisionService, Map<String, Object> member,
      Map<String, Object> household, Map<String, Object> tenant) {
    DmnDecisionResult result = decisionService.evaluateDecisionByKey(DECISION_KEY)
        .variables(Variables.createVariables()
            .putValue("member", member)
            .putValue("household", household)
            .putValue("tenant", tenant))
        .evaluate();
    return result.getResultList().stream()
        .map(row -> new Decided((String) row.get("procedure"), (String) row.get("reason")))
        .toList();
  }

  static Map<String, Object> tenant(int childMedicalSubsidyAgeLimit) {
    Map<String, Object> tenant = new LinkedHashMap<>();
    tenant.put("childMedicalSubsidyAgeLimit", childMedicalSubsidyAgeLimit);
    return tenant;
  }
}
