package org.madoguchi.connectors.notice;

/**
 * Where imported move-out notices are kept: the embedded notices ({@link EmbeddedMoveOutNoticeConnector})
 * or anything else that can answer "have we got it?" and take a new one.
 */
public interface MoveOutNoticeStore {

  /** Whether a notice with this id is kept already (used or not). */
  boolean contains(String noticeId);

  /** Keeps a new notice; the caller has checked {@link #contains} first. */
  void add(MoveOutNotice notice);
}
