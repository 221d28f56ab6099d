package org.madoguchi.visit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The interview's answers: the household's ({@code moveInDate}, …) and each member's, by question key.
 * Values are JSON scalars: booleans, ISO dates as strings, member ids.
 */
public record InterviewAnswers(Map<String, Object> household, Map<String, Map<String, Object>> members) {

  public InterviewAnswers {
    household = household == null ? Map.of() : household;
    members = members == null ? Map.of() : members;
  }

  Map<String, Object> forMember(String memberId) {
    return members.getOrDefault(memberId, Map.of());
  }

  static InterviewAnswers empty() {
    return new InterviewAnswers(new LinkedHashMap<>(), new LinkedHashMap<>());
  }
}
