package org.madoguchi.staff;

import org.madoguchi.security.Roles;

/**
 * A group a staff member can be put in: a role (the counter, the BPR advisors, the administrators) or a department
 * (a group of type {@value Roles#DEPARTMENT_GROUP_TYPE}).
 */
public record StaffGroup(String id, String name, Kind kind) {

  public enum Kind { COUNTER, DEPARTMENT, ADVISOR, ADMIN }

  /** The kind of the group {@code id} of type {@code type}; {@code null} for a group that gives no role. */
  static Kind kindOf(String id, String type) {
    return switch (id) {
      case Roles.COUNTER_GROUP -> Kind.COUNTER;
      case Roles.ADVISOR_GROUP -> Kind.ADVISOR;
      case Roles.ADMIN_GROUP -> Kind.ADMIN;
      default -> Roles.DEPARTMENT_GROUP_TYPE.equals(type) ? Kind.DEPARTMENT : null;
    };
  }
}
