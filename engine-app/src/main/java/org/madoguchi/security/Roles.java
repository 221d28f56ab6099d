package org.madoguchi.security;

/**
 * The roles staff sign in with, as Camunda identity groups: the counter, each department (a group of
 * type {@value #DEPARTMENT_GROUP_TYPE} whose id is the department code), the BPR advisor, the
 * administrator of the installation (Camunda's own {@value #ADMIN_GROUP} group, so the Camunda webapps
 * recognise it and the engine lets it see every municipality) and a municipality's own administrator
 * ({@value #TENANT_ADMIN_GROUP}). Groups are shared by every municipality; the municipality a staff member
 * works for is their tenant membership.
 */
public final class Roles {

  public static final String COUNTER_GROUP = "counter";
  public static final String ADVISOR_GROUP = "advisor";
  public static final String ADMIN_GROUP = "camunda-admin";
  public static final String TENANT_ADMIN_GROUP = "tenant-admin";
  public static final String DEPARTMENT_GROUP_TYPE = "department";

  public static final String COUNTER = "COUNTER";
  public static final String DEPARTMENT = "DEPARTMENT";
  public static final String ADVISOR = "ADVISOR";
  public static final String ADMIN = "ADMIN";
  public static final String TENANT_ADMIN = "TENANT_ADMIN";

  /** Authority prefix of a group membership: {@code GROUP_insurance-pension}. */
  public static final String GROUP_AUTHORITY_PREFIX = "GROUP_";

  /** Authority prefix of a tenant membership: {@code TENANT_462012}. */
  public static final String TENANT_AUTHORITY_PREFIX = "TENANT_";

  private Roles() {
  }
}
