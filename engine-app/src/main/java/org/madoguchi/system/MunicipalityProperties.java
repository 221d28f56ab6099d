package org.madoguchi.system;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The home municipality (地方公共団体) of this installation: the tenant the first start creates with these
 * settings (then kept, and changed, with every other municipality's in {@code org.madoguchi.tenant}).
 *
 * @param code 6-digit local government code (地方公共団体コード), the tenant id
 * @param name the municipality's name, as shown on forms
 * @param childMedicalSubsidyAgeLimit a child is covered while the age at the start of the school year is
 *     below this (18: until the first 31 March after turning 18)
 */
@ConfigurationProperties(MunicipalityProperties.PREFIX)
public record MunicipalityProperties(String code, String name, int childMedicalSubsidyAgeLimit) {

  public static final String PREFIX = "madoguchi.municipality";

  public MunicipalityProperties {
    if (!org.madoguchi.connectors.registry.CheckDigits.isValidLocalGovernmentCode(code)) {
      throw new IllegalArgumentException(PREFIX + ".code must be a 6-digit local government code with a "
          + "valid check digit, not '" + code + "'");
    }
  }
}
