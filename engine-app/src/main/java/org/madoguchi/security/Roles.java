package org.madoguchi.security;

/**
 * The roles staff sign in with, as Camunda identity groups: the counter, each department (a group of
 * type {@value #DEPARTMENT_GROUP_TYPE} whose id is the department code), the BPR advisor and the
 * administrator (Camunda's own {@value #ADMIN_GROUP} group, so the Camunda webapps recognise it).
 */
public final class Roles {

  public static final String COUNTER_GROUP = "counter";
  public static final String ADVISOR_GROUP = "advisor";
  public static final String ADMIN_GROUP = "camunda-admin";
  public static final String DEPARTMENT_GROUP_TYPE = "department";

  public static final String COUNTER = "COUNTER";
  public static final String DEPARTMENT = "DEPARTMENT";
  public static final String ADVISOR = "ADVISOR";
  public static final String ADMIN = "ADMIN";

  /** Authority prefix of a group membership: {@code GROUP_insurance-pension}. */
  public static final String GROUP_AUTHORITY_PREFIX = "GROUP_";

  private Roles() {
  }
}
