package org.madoguchi.bpr.lint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;

/**
 * The sequence flows into and out of every flow node, taken from the flows' {@code sourceRef} and {@code targetRef}
 * (what the engine follows), not from the nodes' {@code incoming}/{@code outgoing} children, which a hand-written
 * or exported file may leave out.
 */
final class FlowIndex {

  private final Map<String, List<SequenceFlow>> incoming = new HashMap<>();
  private final Map<String, List<SequenceFlow>> outgoing = new HashMap<>();

  FlowIndex(BpmnModelInstance model) {
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      FlowNode source = flow.getSource();
      FlowNode target = flow.getTarget();
      if (source != null) {
        outgoing.computeIfAbsent(source.getId(), id -> new ArrayList<>()).add(flow);
      }
      if (target != null) {
        incoming.computeIfAbsent(target.getId(), id -> new ArrayList<>()).add(flow);
      }
    }
  }

  List<SequenceFlow> incoming(BaseElement node) {
    return incoming.getOrDefault(node.getId(), List.of());
  }

  List<SequenceFlow> outgoing(BaseElement node) {
    return outgoing.getOrDefault(node.getId(), List.of());
  }

  /** Whether {@code flow} is the {@code default} flow of {@code node} (an activity or a gateway). */
  static boolean isDefault(BaseElement node, SequenceFlow flow) {
    String defaultFlow = node.getDomElement().getAttribute("default");
    return defaultFlow != null && defaultFlow.strip().equals(flow.getId());
  }

  static boolean hasCondition(SequenceFlow flow) {
    return flow.getConditionExpression() != null;
  }
}
