package org.madoguchi.connectors.registry;

import java.time.LocalDate;
import java.util.List;

/**
 * A move-out (転出届) to record: residents of one household leaving the municipality. {@code requestId} is
 * the idempotency key: recording the same request twice records it once. A request that names no valid
 * 宛名番号, names one twice, or lacks a field cannot be made.
 *
 * @param atenaNumbers the residents moving out, all of one household
 * @param moveOutDate 異動日: the day they move out, which becomes their 消除日
 * @param notifiedOn 届出日
 * @param destinationAddress 転出先住所
 */
public record MoveOutRequest(
    String requestId,
    List<String> atenaNumbers,
    LocalDate moveOutDate,
    LocalDate notifiedOn,
    String destinationAddress) {

  public MoveOutRequest {
    RequestChecks.requestId(requestId);
    atenaNumbers = RequestChecks.atenaNumbers(atenaNumbers);
    RequestChecks.required(moveOutDate, "move-out date");
    RequestChecks.required(notifiedOn, "notification date");
    RequestChecks.required(destinationAddress, "destination address");
  }
}
