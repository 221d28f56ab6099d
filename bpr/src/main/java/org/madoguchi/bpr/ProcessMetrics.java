package org.madoguchi.bpr;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The burden metrics of one BPMN process: what a BPR advisor compares between an as-is and a to-be model.
 *
 * @param file the file the process was read from, as given
 * @param processId the process's id
 * @param name the process's name, else the name of the pool (participant) that shows it, else {@code null}
 * @param userTasks user tasks, subprocesses included
 * @param lanes the lanes (innermost lanes where lanes nest), by name (the id when unnamed), in document order
 * @param counterLanes the lanes a resident must walk to: those marked {@code madoguchi.counter=true}, or every lane
 *     when the process marks none
 * @param handOffs sequence flows from one lane into another, counted along the flows (a node in no lane passes the
 *     work on to the next node that sits in one)
 * @param residentMoves hand-offs into a counter lane: each is one more counter the resident walks to
 * @param forms user tasks that reference a form ({@code camunda:formRef}, {@code camunda:formKey} or
 *     {@code zeebe:formDefinition})
 * @param formIds the distinct form ids referenced, in document order
 * @param residentWrittenFields fields the resident writes (source {@code resident}) in the referenced forms, each
 *     form counted once with one member listed; for a task marked {@code madoguchi.writtenOnPaper=true}, every
 *     entry its paper form asks for
 * @param signatures signature fields in the referenced forms, each form counted once
 * @param stepsPerRole user tasks per role: each candidate group, else the assignee, else the lane's name
 * @param warnings what could not be measured as asked (a form not in the catalog, nodes outside every lane)
 */
@JsonPropertyOrder({"file", "processId", "name", "userTasks", "lanes", "counterLanes", "handOffs", "residentMoves",
    "forms", "formIds", "residentWrittenFields", "signatures", "stepsPerRole", "warnings"})
public record ProcessMetrics(String file, String processId, String name, int userTasks, List<String> lanes,
    List<String> counterLanes, int handOffs, int residentMoves, int forms, List<String> formIds,
    int residentWrittenFields, int signatures, Map<String, Integer> stepsPerRole, List<String> warnings) {

  public ProcessMetrics {
    lanes = List.copyOf(lanes);
    counterLanes = List.copyOf(counterLanes);
    formIds = List.copyOf(formIds);
    stepsPerRole = Collections.unmodifiableMap(new LinkedHashMap<>(stepsPerRole));
    warnings = List.copyOf(warnings);
  }
}
