package org.madoguchi.visit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.madoguchi.connectors.registry.HouseholdMember;
import org.madoguchi.connectors.registry.StatusFlags;

/**
 * The facts the decisions and the interview's expressions read, as FEEL contexts: one {@code member}
 * context per member (ages counted on the reference date, the notice's status flags, the interview's
 * answers) and the {@code household} context holding them all. Names and addresses are not facts:
 * no rule needs them.
 */
record HouseholdFacts(Map<String, Object> household, Map<String, Map<String, Object>> members) {

  static HouseholdFacts of(VisitHousehold household, LocalDate referenceDate, InterviewAnswers answers) {
    Map<String, Map<String, Object>> members = new LinkedHashMap<>();
    for (HouseholdMember member : household.members()) {
      Map<String, Object> facts = new LinkedHashMap<>();
      facts.put("id", member.id());
      facts.put("age", LegalAge.on(member.birthDate(), referenceDate));
      facts.put("ageReached", LegalAge.reachedBy(member.birthDate(), referenceDate));
      facts.put("ageAtSchoolYearStart", LegalAge.atSchoolYearStart(member.birthDate(), referenceDate));
      facts.put("relationship", member.relationship());
      facts.put("householdHead", member.householdHead());
      StatusFlags flags = member.flags();
      facts.put("nhiInsured", flags.nhiInsured());
      facts.put("lateStageElderlyInsured", flags.lateStageElderlyInsured());
      facts.put("longTermCareCertified", flags.longTermCareCertified());
      facts.put("nationalPensionInsured", flags.nationalPensionInsured());
      facts.put("childAllowanceRecipient", flags.childAllowanceRecipient());
      facts.put("holdsMyNumberCard", flags.holdsMyNumberCard());
      if (answers != null) {
        facts.putAll(answers.forMember(member.id()));
      }
      members.put(member.id(), facts);
    }
    Map<String, Object> householdFacts = new LinkedHashMap<>();
    householdFacts.put("headMemberId", household.head().id());
    householdFacts.put("plannedMoveDate", household.plannedMoveDate());
    householdFacts.put("movedOutOn", household.movedOutOn());
    householdFacts.put("referenceDate", referenceDate);
    householdFacts.put("members", new ArrayList<>(members.values()));
    if (answers != null) {
      householdFacts.putAll(answers.household());
    }
    return new HouseholdFacts(householdFacts, members);
  }

  /** The context for evaluating an expression about one member. */
  Map<String, Object> contextFor(String memberId, Map<String, Object> tenant) {
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("member", members.get(memberId));
    context.put("household", household);
    context.put("tenant", tenant);
    return context;
  }

  /** The context for evaluating an expression about the household. */
  Map<String, Object> householdContext(Map<String, Object> tenant) {
    return contextFor(null, tenant);
  }

  List<String> memberIds() {
    return new ArrayList<>(members.keySet());
  }
}
