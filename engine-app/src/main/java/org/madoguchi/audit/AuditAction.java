package org.madoguchi.audit;

/** What was done with a resident's personal data. */
public enum AuditAction {
  READ_MOVE_OUT_NOTICE,
  READ_MY_NUMBER_CARD,
  IMPORT_MOVE_OUT_NOTICES,
  READ_VISIT,
  RECORD_INTERVIEW,
  SUBMIT_VISIT,
  REGISTER_RESIDENT,
  HAND_OVER,
  READ_TASK,
  READ_DOCUMENT,
  ARCHIVE_DOCUMENT,
  COMPLETE_TASK
}
