package org.madoguchi.audit;

import java.time.Instant;

/**
 * One access to a resident's personal data: who, when, what, whose data, in which visit, of which
 * municipality.
 */
public record AuditEntry(long id, Instant occurredAt, String actor, AuditAction action, String visitId,
    String residentRef, String detail, String municipalityCode) {
}
