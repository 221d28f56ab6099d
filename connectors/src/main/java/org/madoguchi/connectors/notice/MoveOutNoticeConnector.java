package org.madoguchi.connectors.notice;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The move-out notices sent ahead to this municipality, waiting for their household to arrive. */
public interface MoveOutNoticeConnector {

  /** Notices for {@code municipalityCode} that no completed move-in has used yet. */
  List<MoveOutNoticeSummary> listPending(String municipalityCode);

  Optional<MoveOutNotice> find(String noticeId);

  /** Whether notice {@code noticeId} is one of {@link #listPending}'s for {@code municipalityCode}. */
  default boolean isPending(String municipalityCode, String noticeId) {
    return listPending(municipalityCode).stream().anyMatch(summary -> summary.id().equals(noticeId));
  }

  /**
   * Pending notices for {@code municipalityCode} that list a person of this name and birth date: how a visit
   * opened by reading the resident's My Number card finds the household's notice. The card writes the name
   * in one piece, so spaces (full- or half-width) are ignored on both sides. Personal data stays in the
   * call: this default scans the pending notices rather than sending the name anywhere in a query string.
   */
  default List<MoveOutNoticeSummary> findPendingFor(String municipalityCode, String nameOnCard,
      LocalDate birthDate) {
    String wanted = withoutSpaces(nameOnCard);
    return listPending(municipalityCode).stream()
        .filter(summary -> find(summary.id()).stream().flatMap(notice -> notice.members().stream())
            .anyMatch(member -> member.birthDate().equals(birthDate)
                && withoutSpaces(member.name().familyName() + member.name().givenName()).equals(wanted)))
        .toList();
  }

  /** The name as compared with the card's: without half- or full-width spaces. */
  static String withoutSpaces(String name) {
    return name == null ? "" : name.replaceAll("[\\s\u3000]+", "");
  }

  /** Marks the notice as used by the move-in recorded for {@code visitId}; repeating it changes nothing. */
  void markUsed(String noticeId, String visitId);
}
