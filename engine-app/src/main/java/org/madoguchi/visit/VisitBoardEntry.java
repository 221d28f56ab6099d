package org.madoguchi.visit;

import java.time.Instant;

/**
 * A line of the visit board (待たない): a visit not yet done at the counter, how long it has been waiting,
 * and how many of its procedures still wait for acceptance. No names: the board hangs where residents see it.
 */
public record VisitBoardEntry(String id, String lifeEvent, VisitStatus status, Instant openedAt, long waitingMinutes,
    int memberCount, int proceduresWaiting, boolean incident) {
}
