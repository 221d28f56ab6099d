package org.madoguchi.staff;

import java.util.List;

/**
 * A staff member's sign-in account (職員のアカウント) as administrators manage it: the Camunda user with the groups
 * that give its roles.
 */
public record StaffAccount(String id, String firstName, String lastName, String email,
    List<StaffGroup> groups) {

  public StaffAccount {
    groups = List.copyOf(groups);
  }

  /** Whether one of its groups is the administrators'. */
  public boolean isAdministrator() {
    return groups.stream().anyMatch(group -> group.kind() == StaffGroup.Kind.ADMIN);
  }
}
