package org.madoguchi.connectors.registry;

import java.time.LocalDate;
import java.util.List;

/**
 * A move-in (転入届) to record: the household arriving, where it now lives, and the day it became
 * resident. {@code visitId} is the idempotency key: recording the same visit twice records it once.
 * {@code moveOutNoticeId} names the notice the registry already holds for the household (with the
 * members' 個人番号, which therefore never travel with the request); null for a move-in without one.
 */
public record MoveInRequest(
    String visitId,
    String moveOutNoticeId,
    String municipalityCode,
    LocalDate moveInDate,
    LocalDate notifiedOn,
    String postalCode,
    String address,
    String addressLine2,
    String previousAddress,
    List<HouseholdMember> members) {
}
