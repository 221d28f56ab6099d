package org.madoguchi.connectors.registry;

import java.time.LocalDate;

/**
 * One member of a household as a notice, a visit or a registration request describes them, before or
 * apart from their resident row. {@code id} is the describing party's id for the person (a notice's member
 * id), not a 宛名番号.
 */
public record HouseholdMember(
    String id,
    PersonName name,
    LocalDate birthDate,
    Sex sex,
    String relationship,
    boolean householdHead,
    StatusFlags flags) {
}
