package org.madoguchi.visit;

/** Where a visit stands. The first four are stored; the last three are read from its procedures. */
public enum VisitStatus {
  /** Opened; the interview has not been recorded. */
  INTERVIEW,
  /** Interview recorded; the resident confirms the applications and signs. */
  CONFIRMATION,
  /** Signed and submitted; the move-in is being recorded in the registry. */
  SUBMITTED,
  /** Recorded in the registry; the related procedures are being started. */
  REGISTERED,
  /** Procedures started; some still wait for acceptance at the counter. */
  ACCEPTING,
  /** Every procedure accepted: done at the counter, back offices at work. */
  ACCEPTED,
  /** Every procedure completed. */
  COMPLETED;

  boolean isOpenAtCounter() {
    return this == INTERVIEW || this == CONFIRMATION;
  }
}
