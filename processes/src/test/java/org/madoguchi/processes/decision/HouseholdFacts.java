package org.madoguchi.processes.decision;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test-side builder for the {@code household} context: its members and its main supporter. */
final class HouseholdFacts {

  private final List<MemberFacts> members;
  private String mainSupporterMemberId;

  private HouseholdFacts(List<MemberFacts> members) {
    this.members = members;
  }

  /** A household of these members; the first one is its main supporter unless told otherwise. */
  static HouseholdFacts of(MemberFacts... members) {
    HouseholdFacts household = new HouseholdFacts(new ArrayList<>(List.of(members)));
    household.mainSupporterMemberId = members[0].id();
    return household;
  }

  HouseholdFacts mainSupporter(MemberFacts member) {
    this.mainSupporterMemberId = member.id();
    return this;
  }

  HouseholdFacts add(MemberFacts member) {
    members.add(member);
    return this;
  }

  List<MemberFacts> members() {
    return List.copyOf(members);
  }

  Map<String, Object> toMap() {
    Map<String, Object> household = new LinkedHashMap<>();
    household.put("mainSupporterMemberId", mainSupporterMemberId);
    household.put("members", members.stream().map(MemberFacts::toMap).toList());
    return household;
  }
}
