package org.madoguchi.visit;

import java.util.List;

/**
 * A life event (ライフイベント) the counter handles as one visit: which process runs the visit, which decision
 * proposes its related procedures, and what the interview asks. A new life event is a BPMN, a DMN and a
 * {@code lifeevents/*.json} file; no code.
 */
public record LifeEvent(
    String code,
    LocalizedText name,
    String visitProcessKey,
    String relatedProceduresDecisionKey,
    String referenceDateQuestion,
    List<InterviewQuestion> questions) {
}
