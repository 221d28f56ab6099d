package org.madoguchi.procedure;

import java.util.List;

/**
 * One started procedure of a visit as the visit's status board shows it: where its case stands and
 * whether the counter has accepted it.
 */
public record ProcedureState(
    String processKey,
    String name,
    String department,
    String departmentName,
    String processInstanceId,
    List<String> memberIds,
    Step state,
    String currentActivityId,
    String currentActivityName,
    boolean accepted) {

  /** The stage of a procedure case, read from the engine. */
  public enum Step {
    /** Waiting for acceptance at the counter (受付待ち). */
    ACCEPTING,
    /** Being checked or approved by the department (審査・決裁中). */
    IN_REVIEW,
    /** Returned to the counter for a correction (補正待ち). */
    RETURNED,
    /** Being handed over to the department's system (システム連携中). */
    HANDING_OVER,
    /** Failed and waiting for an operator (要対応). */
    INCIDENT,
    /** Done (完了). */
    COMPLETED
  }
}
