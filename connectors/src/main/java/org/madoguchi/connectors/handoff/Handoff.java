package org.madoguchi.connectors.handoff;

import java.util.List;

/**
 * An accepted application handed over to the department's own (standard) system. {@code idempotencyKey}
 * identifies the procedure case: the department receives each case once, however often it is sent.
 */
public record Handoff(
    String idempotencyKey,
    String procedureKey,
    String department,
    String visitId,
    String municipalityCode,
    List<String> atenaNumbers) {
}
