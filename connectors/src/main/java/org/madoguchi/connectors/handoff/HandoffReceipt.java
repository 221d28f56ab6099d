package org.madoguchi.connectors.handoff;

import java.time.Instant;

/** The department system's acknowledgement; {@code repeated} when the case had been received before. */
public record HandoffReceipt(String idempotencyKey, Instant receivedAt, boolean repeated) {
}
