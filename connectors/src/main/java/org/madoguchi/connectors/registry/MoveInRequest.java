package org.madoguchi.connectors.registry;

import java.time.LocalDate;
import java.util.List;

/**
 * A move-in (転入届) to record: the household arriving, where it now lives, and the day it became
 * resident. {@code visitId} is the idempotency key: recording the same visit twice records it once.
 */
public record MoveInRequest(
    String visitId,
    String municipalityCode,
    LocalDate moveInDate,
    LocalDate notifiedOn,
    String postalCode,
    String address,
    String addressLine2,
    String previousAddress,
    List<HouseholdMember> members) {
}
