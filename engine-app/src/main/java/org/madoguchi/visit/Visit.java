package org.madoguchi.visit;

import java.time.Instant;
import java.util.List;
import org.madoguchi.connectors.registry.MoveInRegistration;

/**
 * 来庁: one counter visit, the one-stop case. Its id is the business key of the visit process and of every
 * procedure it starts.
 */
public record Visit(
    String id,
    String lifeEvent,
    String municipalityCode,
    VisitStatus status,
    String moveOutNoticeId,
    VisitHousehold household,
    InterviewAnswers interview,
    List<ProposedProcedure> proposedProcedures,
    MoveInRegistration registration,
    String openedBy,
    Instant openedAt,
    Instant submittedAt,
    int version) {
}
