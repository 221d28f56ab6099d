package org.madoguchi.connectors.registry;

import java.time.LocalDate;

/**
 * One change in a resident's history: why (異動事由), on which day (異動日), notified on which day (届出日),
 * and the resident's row as the change left it.
 */
public record ResidentChange(ChangeReason changeReason, LocalDate changedOn, LocalDate notifiedOn,
    Resident resident) {
}
