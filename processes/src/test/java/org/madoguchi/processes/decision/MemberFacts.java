package org.madoguchi.processes.decision;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test-side builder for one member's facts, shaped like the {@code member} context the engine-app
 * supplies to {@code move-in-related-procedures}. Defaults to an adult of 40 with every flag false, so a
 * test states only the facts that matter to it.
 */
final class MemberFacts {

  /** The boolean facts the decision's contract names; every one defaults to false. */
  static final List<String> FLAGS = List.of(
      "householdHead", "nhiInsured", "lateStageElderlyInsured", "longTermCareCertified",
      "nationalPensionInsured", "childAllowanceRecipient", "holdsMyNumberCard",
      "employerHealthInsurance", "employeePension", "wantsSealRegistration");

  private final Map<String, Object> facts = new LinkedHashMap<>();

  private MemberFacts(String id) {
    facts.put("id", id);
    facts.put("relationship", "同居人");
    aged(40);
    FLAGS.forEach(flag -> facts.put(flag, false));
  }

  /** An adult of 40 with every flag false. */
  static MemberFacts member(String id) {
    return new MemberFacts(id);
  }

  /**
   * A member described in a line of a table, e.g. {@code "age=6 ageAtSchoolYearStart=5 holdsMyNumberCard"}:
   * {@code age=N} as {@link #aged(int)}, {@code ageReached=N} and {@code ageAtSchoolYearStart=N} override
   * one age, and a flag's name sets that flag. Tokens apply left to right.
   */
  static MemberFacts described(String id, String description) {
    MemberFacts member = member(id);
    if (description == null || description.isBlank()) {
      return member;
    }
    for (String token : description.trim().split("\\s+")) {
      String[] nameAndValue = token.split("=", 2);
      switch (nameAndValue[0]) {
        case "age" -> member.aged(Integer.parseInt(nameAndValue[1]));
        case "ageReached" -> member.ageReached(Integer.parseInt(nameAndValue[1]));
        case "ageAtSchoolYearStart" -> member.ageAtSchoolYearStart(Integer.parseInt(nameAndValue[1]));
        default -> member.with(nameAndValue[0]);
      }
    }
    return member;
  }

  /** Sets {@code age}, {@code ageReached} and {@code ageAtSchoolYearStart} to the same number of years. */
  MemberFacts aged(int years) {
    facts.put("age", years);
    facts.put("ageReached", years);
    facts.put("ageAtSchoolYearStart", years);
    return this;
  }

  MemberFacts ageReached(int years) {
    facts.put("ageReached", years);
    return this;
  }

  MemberFacts ageAtSchoolYearStart(int years) {
    facts.put("ageAtSchoolYearStart", years);
    return this;
  }

  MemberFacts relationship(String relationship) {
    facts.put("relationship", relationship);
    return this;
  }

  /** Sets one of the {@link #FLAGS} to true. */
  MemberFacts with(String flag) {
    if (!FLAGS.contains(flag)) {
      throw new IllegalArgumentException("not a member flag: " + flag + " (one of " + FLAGS + ")");
    }
    facts.put(flag, true);
    return this;
  }

  MemberFacts householdHead() {
    return with("householdHead");
  }

  MemberFacts employerHealthInsurance() {
    return with("employerHealthInsurance");
  }

  MemberFacts employeePension() {
    return with("employeePension");
  }

  MemberFacts lateStageElderlyInsured() {
    return with("lateStageElderlyInsured");
  }

  MemberFacts longTermCareCertified() {
    return with("longTermCareCertified");
  }

  MemberFacts wantsSealRegistration() {
    return with("wantsSealRegistration");
  }

  MemberFacts holdsMyNumberCard() {
    return with("holdsMyNumberCard");
  }

  String id() {
    return (String) facts.get("id");
  }

  /** The {@code member} context: a fresh, mutable copy. */
  Map<String, Object> toMap() {
    return new LinkedHashMap<>(facts);
  }
}
