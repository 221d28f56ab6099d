package org.madoguchi.bpr;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.LaneSet;
import org.camunda.bpm.model.bpmn.instance.Participant;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.ModelException;
import org.camunda.bpm.model.xml.instance.DomElement;
import org.madoguchi.forms.FormCatalog;
import org.madoguchi.forms.FormDefinition;
import org.xml.sax.SAXParseException;

/**
 * Measures BPMN 2.0 files from any modelling tool: user tasks, lanes, hand-offs between lanes, the counters a
 * resident walks to, and the fields the referenced forms make the resident write. Files are read with the Camunda
 * BPMN model API, which validates them against the BPMN 2.0 schema and refuses DOCTYPE declarations (so no XML
 * external entity is ever resolved). Only the standard BPMN structure is relied on; vendor extensions are read where
 * they help (Camunda 7 and 8 form references and candidate groups, {@code properties} extension elements of any
 * namespace) and ignored otherwise.
 */
public final class BpmnMetrics {

  /** The lane extension property that marks a lane as a counter the resident walks to. */
  public static final String COUNTER_PROPERTY = "madoguchi.counter";

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
    String name = file.toString();
    if (Files.isDirectory(file)) {
      throw new InvalidBpmnException(name, "is a directory, not a BPMN file", null);
    }
    try (InputStream in = Files.newInputStream(file)) {
      return measure(in, name);
    } catch (NoSuchFileException e) {
      throw new InvalidBpmnException(name, "no such file", e);
    } catch (IOException e) {
      throw new InvalidBpmnException(name, "cannot be read: " + e.getMessage(), e);
    }
  }

  /** The metrics of every process in a BPMN document, reported under the name {@code file}. */
  public List<ProcessMetrics> measure(InputStream bpmn, String file) throws InvalidBpmnException {
    BpmnModelInstance model;
    try {
      model = Bpmn.readModelFromStream(bpmn);
    } catch (ModelException e) {
      throw new InvalidBpmnException(file, "not valid BPMN 2.0: " + rootReason(e), e);
    }
    Map<String, String> poolNames = new HashMap<>();
    for (Participant participant : model.getModelElementsByType(Participant.class)) {
      String processRef = localId(participant.getDomElement().getAttribute("processRef"));
      if (processRef != null && !isBlank(participant.getName())) {
        poolNames.putIfAbsent(processRef, participant.getName());
      }
    }
    List<ProcessMetrics> metrics = new ArrayList<>();
    for (Process process : model.getModelElementsByType(Process.class)) {
      metrics.add(measure(process, file, poolNames.get(process.getId())));
    }
    return metrics;
  }

  private ProcessMetrics measure(Process process, String file, String poolName) {
    FlowGraph graph = FlowGraph.of(process);
    LaneMap lanes = LaneMap.of(process, graph);
    List<String> warnings = new ArrayList<>();

    int handOffs = 0;
    int residentMoves = 0;
    for (SequenceFlow flow : graph.flows) {
      Lane from = lanes.laneOf(ref(flow, "sourceRef"));
      if (from == null) {
        continue; // counted from the last node before it that sits in a lane
      }
      for (String reached : lanes.nextNodesInALane(ref(flow, "targetRef"), graph)) {
        Lane to = lanes.laneOf(reached);
        if (to != from) {
          handOffs++;
          if (lanes.isCounter(to)) {
            residentMoves++;
          }
        }
      }
    }
    if (!lanes.leaves.isEmpty()) {
      List<String> outside = graph.nodes.keySet().stream().filter(id -> lanes.laneOf(id) == null).toList();
      if (!outside.isEmpty()) {
        warnings.add(outside.size() + " flow node(s) sit in no lane (" + listed(outside)
            + "); hand-offs are counted across them to the next node in a lane");
      }
    }

    List<UserTask> userTasks = graph.nodes.values().stream()
        .filter(UserTask.class::isInstance).map(UserTask.class::cast).toList();
    Map<String, Integer> stepsPerRole = new LinkedHashMap<>();
    int formTasks = 0;
    Map<String, String> firstTaskByForm = new LinkedHashMap<>();
    for (UserTask task : userTasks) {
      rolesOf(task, lanes.laneOf(task.getId())).forEach(role -> stepsPerRole.merge(role, 1, Integer::sum));
      Optional<String> formId = formIdOf(task);
      if (formId.isPresent()) {
        formTasks++;
        firstTaskByForm.putIfAbsent(formId.get(), task.getId());
      }
    }
    int written = 0;
    int signatures = 0;
    for (Map.Entry<String, String> reference : firstTaskByForm.entrySet()) {
      Optional<FormDefinition> form = forms.find(reference.getKey());
      if (form.isPresent()) {
        written += form.get().residentWrittenFields(1);
        signatures += form.get().signatureFields();
      } else {
        warnings.add("user task " + reference.getValue() + " references form '" + reference.getKey()
            + "', which is not in the form catalog: counted as 0 written fields and 0 signatures");
      }
    }

    String name = !isBlank(process.getName()) ? process.getName() : poolName;
    return new ProcessMetrics(file, process.getId(), name, userTasks.size(), lanes.names(lanes.leaves),
        lanes.names(lanes.leaves.stream().filter(lanes::isCounter).toList()), handOffs, residentMoves, formTasks,
        List.copyOf(firstTaskByForm.keySet()), written, signatures, stepsPerRole, warnings);
  }

  /** Candidate groups (Camunda 7 or 8), else the assignee, else the lane's name, else {@link #NO_ROLE}. */
  private static List<String> rolesOf(UserTask task, Lane lane) {
    List<String> groups = split(task.getCamundaCandidateGroups());
    if (groups.isEmpty()) {
      groups = extensionChildren(task, "assignmentDefinition").stream()
          .flatMap(assignment -> split(assignment.getAttribute("candidateGroups")).stream()).toList();
    }
    if (!groups.isEmpty()) {
      return groups;
    }
    if (!isBlank(task.getCamundaAssignee())) {
      return List.of(task.getCamundaAssignee().strip());
    }
    if (lane != null) {
      return List.of(LaneMap.nameOf(lane));
    }
    return List.of(NO_ROLE);
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
    for (DomElement definition : extensionChildren(task, "formDefinition")) {
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

  /** The children of an element's {@code extensionElements} with this local name, whatever their namespace. */
  static List<DomElement> extensionChildren(BaseElement element, String localName) {
    List<DomElement> found = new ArrayList<>();
    for (DomElement child : element.getDomElement().getChildElements()) {
      if ("extensionElements".equals(child.getLocalName())) {
        child.getChildElements().stream().filter(e -> localName.equals(e.getLocalName())).forEach(found::add);
      }
    }
    return found;
  }

  /** The {@code properties/property} name-value pairs in an element's extension elements, of any namespace. */
  static Map<String, String> extensionProperties(BaseElement element) {
    Map<String, String> properties = new LinkedHashMap<>();
    for (DomElement list : extensionChildren(element, "properties")) {
      for (DomElement property : list.getChildElements()) {
        if ("property".equals(property.getLocalName()) && property.getAttribute("name") != null) {
          properties.putIfAbsent(property.getAttribute("name"), property.getAttribute("value"));
        }
      }
    }
    return properties;
  }

  /** An id reference as written; read raw so that a reference to nothing cannot fail the measurement. */
  private static String ref(BaseElement element, String attribute) {
    return localId(element.getDomElement().getAttribute(attribute));
  }

  /** A QName reference without its prefix ({@code tns:Process_1} is {@code Process_1}). */
  private static String localId(String reference) {
    if (isBlank(reference)) {
      return null;
    }
    String id = reference.strip();
    return id.substring(id.indexOf(':') + 1);
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

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  /** The most specific message of a parse failure, with its line and column when the XML parser gave them. */
  static String rootReason(Throwable failure) {
    String reason = null;
    for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
      if (cause instanceof SAXParseException sax) {
        return "line " + sax.getLineNumber() + ", column " + sax.getColumnNumber() + ": " + oneLine(sax.getMessage());
      }
      if (!isBlank(cause.getMessage())) {
        reason = oneLine(cause.getMessage());
      }
    }
    return reason != null ? reason : failure.getClass().getSimpleName();
  }

  private static String oneLine(String message) {
    // The model API reports parser errors as "Fatal Error: URI=null Line=2: <what>"; keep the line and the what.
    return message.replaceAll("\\s+", " ").strip()
        .replaceFirst("^(?:Fatal )?Error: URI=\\S+ Line=(\\d+): ", "line $1: ");
  }

  /** The flow nodes and sequence flows of a process, subprocesses included. */
  private static final class FlowGraph {

    final Map<String, FlowNode> nodes = new LinkedHashMap<>();
    /** The subprocess each node sits in, for nodes inside one. */
    final Map<String, String> enclosingSubProcess = new HashMap<>();
    final List<SequenceFlow> flows = new ArrayList<>();
    final Map<String, List<String>> targetsBySource = new HashMap<>();

    static FlowGraph of(Process process) {
      FlowGraph graph = new FlowGraph();
      graph.collect(process.getFlowElements(), null);
      for (SequenceFlow flow : graph.flows) {
        String source = ref(flow, "sourceRef");
        String target = ref(flow, "targetRef");
        if (source != null && target != null) {
          graph.targetsBySource.computeIfAbsent(source, s -> new ArrayList<>()).add(target);
        }
      }
      return graph;
    }

    private void collect(Collection<FlowElement> elements, String subProcessId) {
      for (FlowElement element : elements) {
        if (element instanceof FlowNode node) {
          nodes.put(node.getId(), node);
          if (subProcessId != null) {
            enclosingSubProcess.put(node.getId(), subProcessId);
          }
        } else if (element instanceof SequenceFlow flow) {
          flows.add(flow);
        }
        if (element instanceof SubProcess subProcess) {
          collect(subProcess.getFlowElements(), subProcess.getId());
        }
      }
    }
  }

  /** Which lane each flow node sits in, and which lanes are counters. */
  private static final class LaneMap {

    /** The innermost lanes, in document order. */
    final List<Lane> leaves = new ArrayList<>();
    private final Map<String, Lane> declared = new HashMap<>();
    private final Map<String, Lane> effective = new HashMap<>();
    private final Map<Lane, Boolean> marked = new HashMap<>();

    static LaneMap of(Process process, FlowGraph graph) {
      LaneMap map = new LaneMap();
      for (LaneSet laneSet : process.getLaneSets()) {
        map.walk(laneSet.getLanes(), null);
      }
      for (String node : graph.nodes.keySet()) {
        // A node inside a subprocess that no lane lists sits in the subprocess's lane.
        for (String at = node; at != null; at = graph.enclosingSubProcess.get(at)) {
          Lane lane = map.declared.get(at);
          if (lane != null) {
            map.effective.put(node, lane);
            break;
          }
        }
      }
      return map;
    }

    private void walk(Collection<Lane> lanes, Boolean inheritedMark) {
      for (Lane lane : lanes) {
        String mark = extensionProperties(lane).get(COUNTER_PROPERTY);
        Boolean laneMark = mark != null ? Boolean.valueOf(mark.strip()) : inheritedMark;
        if (laneMark != null) {
          marked.put(lane, laneMark);
        }
        // Parents are walked before their children, so a node listed at several depths ends in the innermost lane.
        for (DomElement child : lane.getDomElement().getChildElements()) {
          if ("flowNodeRef".equals(child.getLocalName()) && !isBlank(child.getTextContent())) {
            declared.put(child.getTextContent().strip(), lane);
          }
        }
        LaneSet children = lane.getChildLaneSet();
        if (children != null && !children.getLanes().isEmpty()) {
          walk(children.getLanes(), laneMark);
        } else {
          leaves.add(lane);
        }
      }
    }

    Lane laneOf(String nodeId) {
      return nodeId == null ? null : effective.get(nodeId);
    }

    /** When the process marks no lane at all, every lane is a counter. */
    boolean isCounter(Lane lane) {
      return marked.isEmpty() || Boolean.TRUE.equals(marked.get(lane));
    }

    /** {@code start} if it sits in a lane, else the first nodes in a lane its flows lead to. */
    Set<String> nextNodesInALane(String start, FlowGraph graph) {
      Set<String> found = new LinkedHashSet<>();
      Set<String> seen = new HashSet<>();
      Deque<String> open = new ArrayDeque<>();
      if (start != null) {
        open.add(start);
      }
      while (!open.isEmpty()) {
        String node = open.poll();
        if (!seen.add(node)) {
          continue;
        }
        if (laneOf(node) != null) {
          found.add(node);
        } else {
          open.addAll(graph.targetsBySource.getOrDefault(node, List.of()));
        }
      }
      return found;
    }

    List<String> names(List<Lane> lanes) {
      return lanes.stream().map(LaneMap::nameOf).toList();
    }

    static String nameOf(Lane lane) {
      return isBlank(lane.getName()) ? lane.getId() : lane.getName().strip();
    }
  }
}
