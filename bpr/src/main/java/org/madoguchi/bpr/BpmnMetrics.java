package org.madoguchi.bpr;

import static org.madoguchi.bpr.ProcessGraph.isBlank;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.DomElement;
import org.madoguchi.forms.FormCatalog;
import org.madoguchi.forms.FormDefinition;

/**
 * Measures BPMN 2.0 files from any modelling tool: user tasks, lanes, hand-offs between lanes, the counters a
 * resident walks to, and the fields the referenced forms make the resident write; per process and per life event's
 * bundle. Only the standard BPMN structure is relied on; vendor extensions are read where they help (Camunda 7 and 8
 * form references and candidate groups, {@code properties} extension elements of any namespace) and ignored
 * otherwise.
 */
public final class BpmnMetrics {

  /**
   * The user task extension property saying the resident fills the task's form in by hand on paper (an as-is
   * model): every field the paper form asks for then counts as written by the resident.
   */
  public static final String PAPER_PROPERTY = "madoguchi.writtenOnPaper";

  /** The role of a user task that names no group, no assignee and sits in no lane. */
  public static final String NO_ROLE = "(no role)";

  private static final int LISTED_IDS = 5;

  private final FormCatalog forms;

  /** Metrics reading referenced forms from {@code forms}. */
  public BpmnMetrics(FormCatalog forms) {
    this.forms = forms;
  }

  /** The metrics of every process in {@code file}, in document order. */
  public List<ProcessMetrics> measure(Path file) throws InvalidBpmnException {
    return ProcessGraph.read(file).stream().map(this::measure).toList();
  }

  /** The metrics of every process in a BPMN document, reported under the name {@code file}. */
  public List<ProcessMetrics> measure(InputStream bpmn, String file) throws InvalidBpmnException {
    return ProcessGraph.read(bpmn, file).stream().map(this::measure).toList();
  }

  /** The metrics of one process. */
  public ProcessMetrics measure(ProcessGraph process) {
    Tally tally = new Tally(process);
    List<String> warnings = new ArrayList<>(tally.warnings);
    FormTotals totals = formTotals(tally.formUses, warnings);
    return new ProcessMetrics(process.file(), process.id(), process.name(), tally.userTasks,
        names(process.lanes()), names(process.counterLanes()), tally.handOffs, tally.residentMoves, tally.formTasks,
        formIds(tally.formUses), totals.written, totals.signatures, tally.stepsPerRole, warnings);
  }

  /** The metrics of a bundle: its processes summed, each form and each lane name counted once. */
  public BundleMetrics measure(Bundle bundle) {
    Set<String> lanes = new LinkedHashSet<>();
    Set<String> counterLanes = new LinkedHashSet<>();
    Map<FormUse, String> formUses = new LinkedHashMap<>();
    Map<String, Integer> stepsPerRole = new LinkedHashMap<>();
    List<String> warnings = new ArrayList<>();
    int userTasks = 0;
    int handOffs = 0;
    int residentMoves = 0;
    int formTasks = 0;
    for (ProcessGraph process : bundle.processes()) {
      Tally tally = new Tally(process);
      lanes.addAll(names(process.lanes()));
      counterLanes.addAll(names(process.counterLanes()));
      tally.formUses.forEach(formUses::putIfAbsent);
      tally.stepsPerRole.forEach((role, steps) -> stepsPerRole.merge(role, steps, Integer::sum));
      tally.warnings.forEach(warning -> warnings.add(process.id() + ": " + warning));
      userTasks += tally.userTasks;
      handOffs += tally.handOffs;
      residentMoves += tally.residentMoves;
      formTasks += tally.formTasks;
    }
    Optional<Lane> visitEnd = endLane(bundle.visit());
    for (ProcessGraph procedure : bundle.procedures()) {
      Optional<Lane> start = startLane(procedure);
      if (visitEnd.isPresent() && start.isPresent()
          && !ProcessGraph.nameOf(visitEnd.get()).equals(ProcessGraph.nameOf(start.get()))) {
        handOffs++;
        if (procedure.isCounter(start.get())) {
          residentMoves++;
        }
      }
    }
    FormTotals totals = formTotals(formUses, warnings);
    return new BundleMetrics(bundle.name(), bundle.visit().id(),
        bundle.procedures().stream().map(ProcessGraph::id).toList(), userTasks, List.copyOf(lanes),
        List.copyOf(counterLanes), handOffs, residentMoves, formTasks, formIds(formUses), totals.written,
        totals.signatures, stepsPerRole, warnings);
  }

  /** The lane of the visit's first end event (outside subprocesses) that sits in a lane. */
  private static Optional<Lane> endLane(ProcessGraph process) {
    return firstTopLevelLane(process, EndEvent.class);
  }

  /** The lane of the procedure's first start event (outside subprocesses) that sits in a lane. */
  private static Optional<Lane> startLane(ProcessGraph process) {
    return firstTopLevelLane(process, StartEvent.class);
  }

  private static Optional<Lane> firstTopLevelLane(ProcessGraph process, Class<? extends FlowNode> type) {
    return process.nodes().stream()
        .filter(type::isInstance)
        .filter(node -> process.enclosingSubProcess(node.getId()).isEmpty())
        .map(node -> process.laneOf(node.getId()))
        .flatMap(Optional::stream)
        .findFirst();
  }

  private FormTotals formTotals(Map<FormUse, String> formUses, List<String> warnings) {
    FormTotals totals = new FormTotals();
    for (Map.Entry<FormUse, String> use : formUses.entrySet()) {
      String formId = use.getKey().formId();
      Optional<FormDefinition> form = forms.find(formId);
      if (form.isPresent()) {
        totals.written += use.getKey().onPaper() ? form.get().paperEntries(1) : form.get().residentWrittenFields(1);
        totals.signatures += form.get().signatureFields();
      } else {
        warnings.add("user task " + use.getValue() + " references form '" + formId
            + "', which is not in the form catalog: counted as 0 written fields and 0 signatures");
      }
    }
    return totals;
  }

  private static List<String> formIds(Map<FormUse, String> formUses) {
    return formUses.keySet().stream().map(FormUse::formId).distinct().toList();
  }

  private static List<String> names(List<Lane> lanes) {
    return lanes.stream().map(ProcessGraph::nameOf).toList();
  }

  /** Candidate groups (Camunda 7 or 8), else the assignee, else the lane's name, else {@link #NO_ROLE}. */
  private static List<String> rolesOf(UserTask task, Optional<Lane> lane) {
    List<String> groups = split(task.getCamundaCandidateGroups());
    if (groups.isEmpty()) {
      groups = ProcessGraph.extensionChildren(task, "assignmentDefinition").stream()
          .flatMap(assignment -> split(assignment.getAttribute("candidateGroups")).stream()).toList();
    }
    if (!groups.isEmpty()) {
      return groups;
    }
    if (!isBlank(task.getCamundaAssignee())) {
      return List.of(task.getCamundaAssignee().strip());
    }
    return List.of(lane.map(ProcessGraph::nameOf).orElse(NO_ROLE));
  }

  /**
   * The id of the form a user task references: Camunda 7's {@code camunda:formRef}, or the file named by its
   * {@code camunda:formKey} ({@code camunda-forms:deployment:forms/x.form} is {@code x}), or Camunda 8's
   * {@code zeebe:formDefinition}.
   */
  static Optional<String> formIdOf(UserTask task) {
    if (!isBlank(task.getCamundaFormRef())) {
      return Optional.of(task.getCamundaFormRef().strip());
    }
    if (!isBlank(task.getCamundaFormKey())) {
      return Optional.of(formIdOfKey(task.getCamundaFormKey()));
    }
    for (DomElement definition : ProcessGraph.extensionChildren(task, "formDefinition")) {
      if (!isBlank(definition.getAttribute("formId"))) {
        return Optional.of(definition.getAttribute("formId").strip());
      }
      if (!isBlank(definition.getAttribute("formKey"))) {
        return Optional.of(formIdOfKey(definition.getAttribute("formKey")));
      }
    }
    return Optional.empty();
  }

  static String formIdOfKey(String formKey) {
    String id = formKey.strip();
    id = id.substring(id.lastIndexOf(':') + 1);
    id = id.substring(id.lastIndexOf('/') + 1);
    int query = id.indexOf('?');
    if (query >= 0) {
      id = id.substring(0, query);
    }
    int extension = id.lastIndexOf('.');
    return extension > 0 ? id.substring(0, extension) : id;
  }

  private static List<String> split(String commaSeparated) {
    if (isBlank(commaSeparated)) {
      return List.of();
    }
    return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static String listed(List<String> ids) {
    String shown = ids.stream().limit(LISTED_IDS).collect(Collectors.joining(", "));
    return ids.size() > LISTED_IDS ? shown + ", …" : shown;
  }

  /** A form as a process uses it: filled in Madoguchi, or by hand on paper. */
  private record FormUse(String formId, boolean onPaper) {
  }

  private static final class FormTotals {
    int written;
    int signatures;
  }

  /** What one process counts before its forms are looked up. */
  private static final class Tally {

    int userTasks;
    int handOffs;
    int residentMoves;
    int formTasks;
    /** Each form use with the first user task that makes it. */
    final Map<FormUse, String> formUses = new LinkedHashMap<>();
    final Map<String, Integer> stepsPerRole = new LinkedHashMap<>();
    final List<String> warnings = new ArrayList<>();

    Tally(ProcessGraph process) {
      for (SequenceFlow flow : process.flows()) {
        Optional<Lane> from = process.laneOf(ProcessGraph.source(flow));
        if (from.isEmpty()) {
          continue; // counted from the last node before it that sits in a lane
        }
        for (String reached : process.nextNodesInALane(ProcessGraph.target(flow))) {
          Lane to = process.laneOf(reached).orElseThrow();
          if (to != from.get()) {
            handOffs++;
            if (process.isCounter(to)) {
              residentMoves++;
            }
          }
        }
      }
      List<String> outside = process.nodesInNoLane();
      if (!outside.isEmpty()) {
        warnings.add(outside.size() + " flow node(s) sit in no lane (" + listed(outside)
            + "); hand-offs are counted across them to the next node in a lane");
      }
      for (FlowNode node : process.nodes()) {
        if (node instanceof UserTask task) {
          userTasks++;
          rolesOf(task, process.laneOf(task.getId())).forEach(role -> stepsPerRole.merge(role, 1, Integer::sum));
          Optional<String> formId = formIdOf(task);
          if (formId.isPresent()) {
            formTasks++;
            boolean onPaper = Boolean.parseBoolean(
                ProcessGraph.extensionProperties(task).getOrDefault(PAPER_PROPERTY, "false").strip());
            formUses.putIfAbsent(new FormUse(formId.get(), onPaper), task.getId());
          }
        }
      }
    }
  }
}
