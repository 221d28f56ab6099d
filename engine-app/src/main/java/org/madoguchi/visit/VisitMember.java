package org.madoguchi.visit;

import java.time.LocalDate;
import org.madoguchi.connectors.registry.PersonName;
import org.madoguchi.connectors.registry.Sex;
import org.madoguchi.connectors.registry.StatusFlags;

/** One member of the visiting household; {@code id} is the notice's member id until the move-in issues a 宛名番号. */
public record VisitMember(
    String id,
    PersonName name,
    LocalDate birthDate,
    Sex sex,
    String relationship,
    boolean householdHead,
    StatusFlags flags) {
}
