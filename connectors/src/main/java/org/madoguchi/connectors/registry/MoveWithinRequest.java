package org.madoguchi.connectors.registry;

import java.time.LocalDate;
import java.util.List;

/**
 * A move-within (転居届) to record: a household moving to another address in the municipality. It names
 * every current member of the household, which keeps its 世帯番号; {@code requestId} is the idempotency key.
 * A request that names no valid 宛名番号, names one twice, or lacks a field cannot be made.
 *
 * @param atenaNumbers every current member of the household
 * @param moveWithinDate 異動日: the day they took up the new address
 * @param notifiedOn 届出日
 * @param addressLine2 方書 of the new address, if any
 */
public record MoveWithinRequest(
    String requestId,
    List<String> atenaNumbers,
    LocalDate moveWithinDate,
    LocalDate notifiedOn,
    String postalCode,
    String address,
    String addressLine2) {

  public MoveWithinRequest {
    RequestChecks.requestId(requestId);
    atenaNumbers = RequestChecks.atenaNumbers(atenaNumbers);
    RequestChecks.required(moveWithinDate, "move-within date");
    RequestChecks.required(notifiedOn, "notification date");
    RequestChecks.required(postalCode, "postal code");
    RequestChecks.required(address, "address");
  }
}
