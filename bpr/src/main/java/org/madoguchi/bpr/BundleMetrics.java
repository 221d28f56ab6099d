package org.madoguchi.bpr;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The burden metrics of a life event's bundle (a visit process and the procedures it spawns), summed over its
 * processes. Sums are kept honest where a plain sum would not be: lanes are counted once by name across processes
 * (the same counter in two processes is one counter), each form is counted once for the whole bundle, and the work
 * passing from the visit to a procedure counts as a hand-off when the procedure starts in another lane than the
 * visit ends in.
 *
 * @param bundle the bundle's name
 * @param visit the visit process's id
 * @param procedures the procedure processes' ids
 * @param userTasks user tasks of every process
 * @param lanes the lanes of every process by name, each name once, in the order first met
 * @param counterLanes the counter lanes of every process by name, each once: the counters a resident may walk to
 * @param handOffs hand-offs inside every process, plus one for each procedure starting in another lane than the
 *     lane the visit ends in
 * @param residentMoves resident moves inside every process, plus one for each procedure starting in another counter
 *     lane than the lane the visit ends in
 * @param forms user tasks that reference a form, in every process
 * @param formIds the distinct forms referenced by the bundle, in the order first met
 * @param residentWrittenFields the fields the resident writes, each form of the bundle counted once
 * @param signatures the signature fields, each form of the bundle counted once
 * @param stepsPerRole user tasks per role, summed over the processes
 * @param warnings every process's warnings, each prefixed with the process's id
 */
@JsonPropertyOrder({"bundle", "visit", "procedures", "userTasks", "lanes", "counterLanes", "handOffs",
    "residentMoves", "forms", "formIds", "residentWrittenFields", "signatures", "stepsPerRole", "warnings"})
public record BundleMetrics(String bundle, String visit, List<String> procedures, int userTasks, List<String> lanes,
    List<String> counterLanes, int handOffs, int residentMoves, int forms, List<String> formIds,
    int residentWrittenFields, int signatures, Map<String, Integer> stepsPerRole, List<String> warnings) {

  public BundleMetrics {
    procedures = List.copyOf(procedures);
    lanes = List.copyOf(lanes);
    counterLanes = List.copyOf(counterLanes);
    formIds = List.copyOf(formIds);
    stepsPerRole = Collections.unmodifiableMap(new LinkedHashMap<>(stepsPerRole));
    warnings = List.copyOf(warnings);
  }
}
