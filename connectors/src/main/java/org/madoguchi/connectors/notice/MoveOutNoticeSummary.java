package org.madoguchi.connectors.notice;

import java.time.LocalDate;

/** A line of the list counter staff pick a notice from: no more personal data than finding it needs. */
public record MoveOutNoticeSummary(
    String id,
    MoveOutNotice.Source source,
    String fromMunicipalityName,
    LocalDate plannedMoveDate,
    String householdHeadName,
    String householdHeadNameKana,
    int memberCount) {
}
