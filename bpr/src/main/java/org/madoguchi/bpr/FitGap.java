package org.madoguchi.bpr;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * How far a variant of a process departs from the standard one (fit-and-gap, フィット＆ギャップ): the elements the
 * variant adds, those it removes, and those it changes, matched by id. The elements are the flow nodes, sequence
 * flows and lanes, inside subprocesses too.
 *
 * @param standardProcessId the standard process
 * @param variantProcessId the variant process
 * @param standardElements elements of the standard
 * @param variantElements elements of the variant
 * @param unchanged elements in both and alike
 * @param added elements only the variant has
 * @param removed elements only the standard has
 * @param changed elements in both that differ, with each difference
 * @param processChanges differences of the process itself (its name, retention, extension properties)
 * @param departurePercent added, removed and changed elements as a share of all the elements either has, 0–100,
 *     one decimal: 0 when the variant is the standard, 100 when they share nothing
 */
@JsonPropertyOrder({"standardProcessId", "variantProcessId", "departurePercent", "standardElements", "variantElements",
    "unchanged", "added", "removed", "changed", "processChanges"})
public record FitGap(String standardProcessId, String variantProcessId, int standardElements, int variantElements,
    int unchanged, List<Element> added, List<Element> removed, List<Change> changed, List<Difference> processChanges,
    double departurePercent) {

  public FitGap {
    added = List.copyOf(added);
    removed = List.copyOf(removed);
    changed = List.copyOf(changed);
    processChanges = List.copyOf(processChanges);
  }

  /** An element as a person reads it: its id, BPMN type ({@code userTask}), name and lane. */
  public record Element(String id, String type, String name, String lane) {
  }

  /** An element both have, as the variant has it, with what differs from the standard. */
  public record Change(String id, String type, String name, List<Difference> differences) {

    public Change {
      differences = List.copyOf(differences);
    }
  }

  /**
   * One difference: which aspect ({@code name}, {@code type}, {@code lane}, {@code form}, {@code source},
   * {@code target}, {@code condition}, {@code camunda:<attribute>}, {@code property:<name>}) and its value in each
   * model ({@code null} where the model has none).
   */
  public record Difference(String aspect, String standard, String variant) {
  }
}
