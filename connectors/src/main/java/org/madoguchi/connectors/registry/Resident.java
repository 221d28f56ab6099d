package org.madoguchi.connectors.registry;

import java.time.LocalDate;

/**
 * 住民: one person's current row of the resident record, with the items of the standard resident-record
 * specification that Madoguchi uses.
 */
public record Resident(
    String atenaNumber,
    String householdNumber,
    String municipalityCode,
    PersonName name,
    LocalDate birthDate,
    Sex sex,
    String relationship,
    boolean householdHead,
    String postalCode,
    String address,
    String addressLine2,
    LocalDate becameResidentOn,
    LocalDate notifiedOn,
    String previousAddress,
    ChangeReason changeReason,
    StatusFlags flags) {
}
