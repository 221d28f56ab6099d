package org.madoguchi.visit;

import java.util.List;

/**
 * A related procedure the decision proposes for the visit, with the reason for each member it concerns
 * ("65歳以上のため"). {@code scopeRef} is {@code household} for a household case, else the member's id.
 */
public record ProposedProcedure(
    String processKey,
    String name,
    String department,
    String departmentName,
    String scopeRef,
    List<String> memberIds,
    List<Reason> reasons) {

  public record Reason(String memberId, String text) {
  }
}
