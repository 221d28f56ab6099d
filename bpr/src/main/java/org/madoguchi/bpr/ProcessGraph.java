package org.madoguchi.bpr;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
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
import org.camunda.bpm.model.xml.ModelException;
import org.camunda.bpm.model.xml.instance.DomElement;
import org.xml.sax.SAXParseException;

/**
 * One BPMN process read for what the BPR tool measures and simulates: its flow nodes (subprocesses included), its
 * sequence flows, the lane each node sits in and which lanes are counters a resident walks to. Files are read with
 * the Camunda BPMN model API, which validates them against the BPMN 2.0 schema and refuses DOCTYPE declarations (so
 * no XML external entity is ever resolved). References are read as written, so a flow pointing at nothing cannot
 * fail the reading.
 */
public final class ProcessGraph {

  /** The lane extension property that marks a lane as a counter the resident walks to. */
  public static final String COUNTER_PROPERTY = "madoguchi.counter";

  private final String file;
  private final Process process;
  private final String name;
  private final Map<String, FlowNode> nodes = new LinkedHashMap<>();
  /** The subprocess each node sits in, for nodes inside one. */
  private final Map<String, String> enclosingSubProcess = new HashMap<>();
  private final List<SequenceFlow> flows = new ArrayList<>();
  private final Map<String, List<SequenceFlow>> outgoing = new HashMap<>();
  private final Map<String, Integer> incoming = new HashMap<>();
  /** The innermost lanes, in document order. */
  private final List<Lane> leafLanes = new ArrayList<>();
  private final Map<String, Lane> declaredLanes = new HashMap<>();
  private final Map<String, Lane> effectiveLanes = new HashMap<>();
  private final Map<Lane, Boolean> counterMarks = new HashMap<>();

  private ProcessGraph(String file, Process process, String poolName) {
    this.file = file;
    this.process = process;
    this.name = !isBlank(process.getName()) ? process.getName().strip() : poolName;
    collect(process.getFlowElements(), null);
    for (SequenceFlow flow : flows) {
      String source = ref(flow, "sourceRef");
      String target = ref(flow, "targetRef");
      if (source != null && target != null) {
        outgoing.computeIfAbsent(source, s -> new ArrayList<>()).add(flow);
        incoming.merge(target, 1, Integer::sum);
      }
    }
    for (LaneSet laneSet : process.getLaneSets()) {
      walkLanes(laneSet.getLanes(), null);
    }
    for (String node : nodes.keySet()) {
      // A node inside a subprocess that no lane lists sits in the subprocess's lane.
      for (String at = node; at != null; at = enclosingSubProcess.get(at)) {
        Lane lane = declaredLanes.get(at);
        if (lane != null) {
          effectiveLanes.put(node, lane);
          break;
        }
      }
    }
  }

  /** Every process in {@code file}, in document order. */
  public static List<ProcessGraph> read(Path file) throws InvalidBpmnException {
    String name = file.toString();
    if (Files.isDirectory(file)) {
      throw new InvalidBpmnException(name, "is a directory, not a BPMN file", null);
    }
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, name);
    } catch (NoSuchFileException e) {
      throw new InvalidBpmnException(name, "no such file", e);
    } catch (IOException e) {
      throw new InvalidBpmnException(name, "cannot be read: " + e.getMessage(), e);
    }
  }

  /** Every process in a BPMN document, reported under the name {@code file}. */
  public static List<ProcessGraph> read(InputStream bpmn, String file) throws InvalidBpmnException {
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
    List<ProcessGraph> processes = new ArrayList<>();
    for (Process process : model.getModelElementsByType(Process.class)) {
      processes.add(new ProcessGraph(file, process, poolNames.get(process.getId())));
    }
    return processes;
  }

  /** The file the process was read from, as given. */
  public String file() {
    return file;
  }

  public String id() {
    return process.getId();
  }

  /** The process's name, else the name of the pool that shows it (Signavio and Bizagi name pools), else null. */
  public String name() {
    return name;
  }

  /** The name when there is one, else the id: what a person reading a result recognises. */
  public String displayName() {
    return name != null ? name : id();
  }

  public Process process() {
    return process;
  }

  /** Every flow node, subprocesses included, in document order. */
  public Collection<FlowNode> nodes() {
    return nodes.values();
  }

  public Optional<FlowNode> node(String id) {
    return Optional.ofNullable(id == null ? null : nodes.get(id));
  }

  /** Every sequence flow, subprocesses included, in document order. */
  public List<SequenceFlow> flows() {
    return flows;
  }

  /** The sequence flows leaving a node, in document order. */
  public List<SequenceFlow> outgoing(String nodeId) {
    return outgoing.getOrDefault(nodeId, List.of());
  }

  /** How many sequence flows enter a node. */
  public int incomingCount(String nodeId) {
    return incoming.getOrDefault(nodeId, 0);
  }

  /** The subprocess a node sits in, if it sits in one. */
  public Optional<String> enclosingSubProcess(String nodeId) {
    return Optional.ofNullable(enclosingSubProcess.get(nodeId));
  }

  /** The innermost lanes, in document order. */
  public List<Lane> lanes() {
    return leafLanes;
  }

  /** The lanes a resident walks to: those marked {@value #COUNTER_PROPERTY}, or every lane when none is marked. */
  public List<Lane> counterLanes() {
    return leafLanes.stream().filter(this::isCounter).toList();
  }

  /** The lane a node sits in; a node inside a subprocess that no lane lists sits in the subprocess's lane. */
  public Optional<Lane> laneOf(String nodeId) {
    return Optional.ofNullable(nodeId == null ? null : effectiveLanes.get(nodeId));
  }

  /** When the process marks no lane at all, every lane is a counter. */
  public boolean isCounter(Lane lane) {
    return counterMarks.isEmpty() || Boolean.TRUE.equals(counterMarks.get(lane));
  }

  /** The nodes that sit in no lane of a process that has lanes (none when the process has no lanes). */
  public List<String> nodesInNoLane() {
    if (leafLanes.isEmpty()) {
      return List.of();
    }
    return nodes.keySet().stream().filter(id -> !effectiveLanes.containsKey(id)).toList();
  }

  /** {@code start} if it sits in a lane, else the first nodes in a lane its flows lead to. */
  public Set<String> nextNodesInALane(String start) {
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
      if (effectiveLanes.containsKey(node)) {
        found.add(node);
      } else {
        outgoing(node).forEach(flow -> open.add(target(flow)));
      }
    }
    return found;
  }

  /** A lane's name, or its id when it has none. */
  public static String nameOf(Lane lane) {
    return isBlank(lane.getName()) ? lane.getId() : lane.getName().strip();
  }

  /** The node a sequence flow leaves, as written (null when it names none). */
  public static String source(SequenceFlow flow) {
    return ref(flow, "sourceRef");
  }

  /** The node a sequence flow enters, as written (null when it names none). */
  public static String target(SequenceFlow flow) {
    return ref(flow, "targetRef");
  }

  /** The children of an element's {@code extensionElements} with this local name, whatever their namespace. */
  public static List<DomElement> extensionChildren(BaseElement element, String localName) {
    List<DomElement> found = new ArrayList<>();
    for (DomElement child : element.getDomElement().getChildElements()) {
      if ("extensionElements".equals(child.getLocalName())) {
        child.getChildElements().stream().filter(e -> localName.equals(e.getLocalName())).forEach(found::add);
      }
    }
    return found;
  }

  /** The {@code properties/property} name-value pairs in an element's extension elements, of any namespace. */
  public static Map<String, String> extensionProperties(BaseElement element) {
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

  private void walkLanes(Collection<Lane> lanes, Boolean inheritedMark) {
    for (Lane lane : lanes) {
      String mark = extensionProperties(lane).get(COUNTER_PROPERTY);
      Boolean laneMark = mark != null ? Boolean.valueOf(mark.strip()) : inheritedMark;
      if (laneMark != null) {
        counterMarks.put(lane, laneMark);
      }
      // Parents are walked before their children, so a node listed at several depths ends in the innermost lane.
      for (DomElement child : lane.getDomElement().getChildElements()) {
        if ("flowNodeRef".equals(child.getLocalName()) && !isBlank(child.getTextContent())) {
          declaredLanes.put(child.getTextContent().strip(), lane);
        }
      }
      LaneSet children = lane.getChildLaneSet();
      if (children != null && !children.getLanes().isEmpty()) {
        walkLanes(children.getLanes(), laneMark);
      } else {
        leafLanes.add(lane);
      }
    }
  }

  /** An id reference as written; read raw so that a reference to nothing cannot fail the reading. */
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

  static boolean isBlank(String value) {
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
}
