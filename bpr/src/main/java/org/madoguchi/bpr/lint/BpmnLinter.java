package org.madoguchi.bpr.lint;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Association;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.xml.instance.DomElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * Checks a BPMN model with the {@link LintRule}s, as bpmnlint checks it in the web modeler: every element of the
 * document, in document order, against every rule. Needs no engine and no JavaScript runtime.
 */
public final class BpmnLinter {

  private BpmnLinter() {
  }

  /** Every finding on {@code model}, in document order of the elements. */
  public static List<LintIssue> lint(BpmnModelInstance model) {
    List<LintIssue> issues = new ArrayList<>();
    LintRule.Context context = new LintRule.Context(new FlowIndex(model),
        model.getModelElementsByType(Association.class), issues);
    walk(model, model.getDocument().getRootElement(), context);
    return List.copyOf(issues);
  }

  private static void walk(BpmnModelInstance model, DomElement dom, LintRule.Context context) {
    String id = dom.getAttribute("id");
    if (id != null) {
      ModelElementInstance element = model.getModelElementById(id);
      if (element instanceof BaseElement base && base.getDomElement().equals(dom)) {
        for (LintRule rule : LintRule.values()) {
          rule.check(base, context);
        }
      }
    }
    for (DomElement child : dom.getChildElements()) {
      walk(model, child, context);
    }
  }
}
