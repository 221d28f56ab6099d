package org.madoguchi.tenant;

import java.util.Map;

/**
 * A municipality (地方公共団体) Madoguchi serves: a Camunda tenant whose id is its local government code, with
 * the settings its rules read.
 *
 * @param code the 6-digit local government code (地方公共団体コード; the 6th digit is a check digit), the tenant id
 * @param name the municipality's name, as forms and pages show it
 * @param childMedicalSubsidyAgeLimit a child is covered by the child medical subsidy while the age at the start
 *     of the school year is below this (18: until the first 31 March after turning 18)
 */
public record Tenant(String code, String name, int childMedicalSubsidyAgeLimit) {

  /** The settings as the decisions and the interview's expressions read them: {@code tenant.…}. */
  public Map<String, Object> settings() {
    return Map.of("childMedicalSubsidyAgeLimit", childMedicalSubsidyAgeLimit, "localGovernmentCode", code);
  }
}
