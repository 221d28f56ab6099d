package org.madoguchi.task;

import java.time.Instant;
import java.util.List;

/** A department task as its task list shows it, with the visit it belongs to one click away. */
public record TaskView(
    String id,
    String name,
    String taskDefinitionKey,
    String processKey,
    String procedureName,
    String department,
    String departmentName,
    String visitId,
    String processInstanceId,
    List<String> candidateGroups,
    String assignee,
    Instant created,
    long waitingMinutes,
    boolean returnable,
    String returnReason,
    List<String> atenaNumbers) {
}
