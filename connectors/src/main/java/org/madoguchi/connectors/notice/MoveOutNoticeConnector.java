package org.madoguchi.connectors.notice;

import java.util.List;
import java.util.Optional;

/** The move-out notices sent ahead to this municipality, waiting for their household to arrive. */
public interface MoveOutNoticeConnector {

  /** Notices for {@code municipalityCode} that no completed move-in has used yet. */
  List<MoveOutNoticeSummary> listPending(String municipalityCode);

  Optional<MoveOutNotice> find(String noticeId);

  /** Marks the notice as used by the move-in recorded for {@code visitId}; repeating it changes nothing. */
  void markUsed(String noticeId, String visitId);
}
