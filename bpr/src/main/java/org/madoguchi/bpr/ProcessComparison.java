package org.madoguchi.bpr;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * Compares a variant of a process with the standard one element by element ({@link FitGap}). Elements are matched by
 * id, so a variant made by editing a copy of the standard compares element for element; an element whose id was
 * changed counts as removed and added.
 */
public final class ProcessComparison {

  private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

  /** The Camunda 7 attributes that change who does a step or what runs, in the order they are reported. */
  private static final List<String> CAMUNDA_ATTRIBUTES = List.of("candidateGroups", "candidateUsers", "assignee",
      "class", "delegateExpression", "expression", "type", "topic", "decisionRef", "calledElement", "asyncBefore",
      "asyncAfter", "dueDate", "followUpDate", "priority");

  private ProcessComparison() {
  }

  /**
   * The fit and gap of process {@code variantProcessId} of {@code variant} against process {@code standardProcessId}
   * of {@code standard}.
   *
   * @throws IllegalArgumentException when a model has no process of that id
   */
  public static FitGap compare(BpmnModelInstance standard, String standardProcessId, BpmnModelInstance variant,
      String variantProcessId) {
    Map<String, Map<String, String>> before = aspectsOfElements(process(standard, standardProcessId));
    Map<String, Map<String, String>> after = aspectsOfElements(process(variant, variantProcessId));

    List<FitGap.Element> added = new ArrayList<>();
    List<FitGap.Change> changed = new ArrayList<>();
    int unchanged = 0;
    for (Map.Entry<String, Map<String, String>> element : after.entrySet()) {
      Map<String, String> old = before.get(element.getKey());
      if (old == null) {
        added.add(summary(element.getKey(), element.getValue()));
        continue;
      }
      List<FitGap.Difference> differences = differences(old, element.getValue());
      if (differences.isEmpty()) {
        unchanged++;
      } else {
        changed.add(new FitGap.Change(element.getKey(), element.getValue().get("type"), element.getValue().get("name"),
            differences));
      }
    }
    List<FitGap.Element> removed = before.entrySet().stream().filter(e -> !after.containsKey(e.getKey()))
        .map(e -> summary(e.getKey(), e.getValue())).toList();

    int union = before.size() + added.size();
    double departure = union == 0 ? 0 : BigDecimal.valueOf(100.0 * (added.size() + removed.size() + changed.size())
        / union).setScale(1, RoundingMode.HALF_UP).doubleValue();
    return new FitGap(standardProcessId, variantProcessId, before.size(), after.size(), unchanged, added, removed,
        changed, differences(aspectsOfProcess(process(standard, standardProcessId)),
            aspectsOfProcess(process(variant, variantProcessId))), departure);
  }

  private static Process process(BpmnModelInstance model, String processId) {
    ModelElementInstance element = model.getModelElementById(processId);
    if (!(element instanceof Process process)) {
      throw new IllegalArgumentException("the model has no process '" + processId + "'");
    }
    return process;
  }

  /** Every flow element (subprocesses' too) and lane of the process, by id, with its aspects, in document order. */
  private static Map<String, Map<String, String>> aspectsOfElements(Process process) {
    Map<String, String> laneOfNode = lanesOfNodes(process);
    Map<String, Map<String, String>> elements = new LinkedHashMap<>();
    for (Lane lane : process.getModelInstance().getModelElementsByType(Lane.class)) {
      if (isIn(lane, process)) {
        Map<String, String> aspects = new LinkedHashMap<>();
        aspects.put("type", "lane");
        aspects.put("name", lane.getName());
        elements.put(lane.getId(), aspects);
      }
    }
    for (FlowElement element : process.getModelInstance().getModelElementsByType(FlowElement.class)) {
      if (isIn(element, process)) {
        elements.put(element.getId(), aspectsOf(element, laneOfNode));
      }
    }
    return elements;
  }

  private static Map<String, String> aspectsOf(FlowElement element, Map<String, String> laneOfNode) {
    Map<String, String> aspects = new LinkedHashMap<>();
    aspects.put("type", element.getElementType().getTypeName());
    aspects.put("name", element.getName());
    if (element instanceof FlowNode) {
      aspects.put("lane", laneOfNode.get(element.getId()));
    }
    if (element instanceof UserTask task) {
      aspects.put("form", BpmnMetrics.formIdOf(task).orElse(null));
    }
    if (element instanceof SequenceFlow flow) {
      aspects.put("source", flow.getDomElement().getAttribute("sourceRef"));
      aspects.put("target", flow.getDomElement().getAttribute("targetRef"));
      ConditionExpression condition = flow.getConditionExpression();
      aspects.put("condition", condition == null ? null : condition.getTextContent().strip());
    }
    for (String attribute : CAMUNDA_ATTRIBUTES) {
      aspects.put("camunda:" + attribute, element.getDomElement().getAttribute(CAMUNDA_NS, attribute));
    }
    ProcessGraph.extensionProperties(element).forEach((name, value) -> aspects.put("property:" + name, value));
    return aspects;
  }

  private static Map<String, String> aspectsOfProcess(Process process) {
    Map<String, String> aspects = new LinkedHashMap<>();
    aspects.put("name", process.getName());
    aspects.put("camunda:historyTimeToLive", process.getDomElement().getAttribute(CAMUNDA_NS, "historyTimeToLive"));
    ProcessGraph.extensionProperties(process).forEach((name, value) -> aspects.put("property:" + name, value));
    return aspects;
  }

  /** The aspects that differ, in the standard's order then the variant's new ones; absent and blank are alike. */
  private static List<FitGap.Difference> differences(Map<String, String> standard, Map<String, String> variant) {
    List<String> aspects = new ArrayList<>(standard.keySet());
    variant.keySet().stream().filter(aspect -> !standard.containsKey(aspect)).forEach(aspects::add);
    List<FitGap.Difference> differences = new ArrayList<>();
    for (String aspect : aspects) {
      String before = blankToNull(standard.get(aspect));
      String after = blankToNull(variant.get(aspect));
      if (!Objects.equals(before, after)) {
        differences.add(new FitGap.Difference(aspect, before, after));
      }
    }
    return differences;
  }

  private static FitGap.Element summary(String id, Map<String, String> aspects) {
    return new FitGap.Element(id, aspects.get("type"), aspects.get("name"), aspects.get("lane"));
  }

  /** The innermost lane's name (its id when unnamed) of every flow node a lane of the process lists. */
  private static Map<String, String> lanesOfNodes(Process process) {
    List<Lane> lanes = process.getModelInstance().getModelElementsByType(Lane.class).stream()
        .filter(lane -> isIn(lane, process)).sorted(Comparator.comparingInt(ProcessComparison::depth)).toList();
    Map<String, String> laneOfNode = new HashMap<>();
    for (Lane lane : lanes) {
      String name = Optional.ofNullable(blankToNull(lane.getName())).orElse(lane.getId());
      lane.getFlowNodeRefs().forEach(node -> laneOfNode.put(node.getId(), name));
    }
    return laneOfNode;
  }

  private static int depth(ModelElementInstance element) {
    int depth = 0;
    for (ModelElementInstance parent = element.getParentElement(); parent != null; parent = parent.getParentElement()) {
      depth++;
    }
    return depth;
  }

  private static boolean isIn(BaseElement element, Process process) {
    for (ModelElementInstance parent = element.getParentElement(); parent != null; parent = parent.getParentElement()) {
      if (parent.equals(process)) {
        return true;
      }
    }
    return false;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
