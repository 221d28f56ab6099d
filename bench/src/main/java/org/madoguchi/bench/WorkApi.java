package org.madoguchi.bench;

import java.util.List;

/**
 * What the load run's counter sessions and department users do, once over HTTP against Madoguchi
 * ({@link HttpWorkApi}) and once through the engine's Java API ({@link BareEngineApi}): the same
 * actors drive the same work through either.
 */
interface WorkApi extends AutoCloseable {

  /** Where a visit's procedures stand, as far as the driver needs to know. */
  enum Progress { NOT_STARTED, STARTED, COMPLETED, FAILED }

  /** A task as a task list shows it. */
  record TaskRef(String id, String visitId, String taskDefinitionKey, String processKey, String processInstanceId,
      String assignee) {
  }

  /** The counter picks the household's move-out notice from the pending list (Madoguchi only). */
  void pickNotice(String noticeId);

  /** Opens the visit; returns its id. */
  String openVisit(String noticeId);

  /** Records the interview (move-in date yesterday, the head as main supporter, who asks for seal registration). */
  void recordInterview(String visitId, String headMemberId);

  /** The one signature: submits the applications. */
  void submit(String visitId);

  /** Where the visit stands: Madoguchi's progress call, which carries no personal data. */
  Progress progress(String visitId);

  /** The department's task list; with {@code visitId} (not null), only that visit's tasks. */
  List<TaskRef> tasks(String user, String department, String visitId);

  void claim(String user, String taskId);

  void complete(String user, String taskId);

  void returnTask(String user, String taskId, String reason);

  @Override
  void close();

  /** A call that did not answer as the API promises. */
  final class CallFailed extends RuntimeException {
    CallFailed(String message) {
      super(message);
    }
  }
}
