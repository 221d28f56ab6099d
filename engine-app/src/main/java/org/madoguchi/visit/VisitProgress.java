package org.madoguchi.visit;

/**
 * How far a visit has got, without any personal data: what a screen or a client polls while the move-in is
 * registered and the procedures run, instead of the whole {@link VisitView} (whose every read is a read of the
 * household's data, and audited as one).
 *
 * @param procedures how many procedures the visit has started
 * @param accepted how many of them the counter has accepted
 * @param completed how many of them are done
 */
public record VisitProgress(String visitId, VisitStatus status, boolean incident, int procedures, int accepted,
    int completed) {
}
