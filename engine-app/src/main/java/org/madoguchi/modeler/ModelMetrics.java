package org.madoguchi.modeler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.madoguchi.bpr.ProcessMetrics;

/**
 * The burden metrics of a whole model (all its processes added up; usually there is one), with each process's own
 * metrics beside them. See {@link ProcessMetrics} for what each number means.
 */
public record ModelMetrics(int userTasks, List<String> lanes, int handOffs, int residentMoves, int forms,
    int residentWrittenFields, int signatures, Map<String, Integer> stepsPerRole, List<String> warnings,
    List<ProcessMetrics> processes) {

  static ModelMetrics of(List<ProcessMetrics> processes) {
    int userTasks = 0;
    int handOffs = 0;
    int residentMoves = 0;
    int forms = 0;
    int written = 0;
    int signatures = 0;
    Set<String> lanes = new LinkedHashSet<>();
    Map<String, Integer> steps = new LinkedHashMap<>();
    List<String> warnings = new ArrayList<>();
    for (ProcessMetrics process : processes) {
      userTasks += process.userTasks();
      handOffs += process.handOffs();
      residentMoves += process.residentMoves();
      forms += process.forms();
      written += process.residentWrittenFields();
      signatures += process.signatures();
      lanes.addAll(process.lanes());
      process.stepsPerRole().forEach((role, count) -> steps.merge(role, count, Integer::sum));
      warnings.addAll(process.warnings());
    }
    return new ModelMetrics(userTasks, List.copyOf(lanes), handOffs, residentMoves, forms, written, signatures,
        steps, warnings, processes);
  }
}
