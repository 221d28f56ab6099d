package org.madoguchi.bpr.lint;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.Association;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.CompensateEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ComplexGateway;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.InclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.IntermediateThrowEvent;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.LinkEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ParallelGateway;
import org.camunda.bpm.model.bpmn.instance.Participant;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.Task;
import org.camunda.bpm.model.bpmn.instance.ThrowEvent;
import org.madoguchi.bpr.lint.LintIssue.Severity;

/**
 * The rules of bpmnlint's {@code bpmnlint:recommended} configuration that matter for a model the engine runs, under
 * bpmnlint's names and with its severities, so that the web modeler's lint panel (bpmnlint in the browser) and the
 * server's check of a deployment agree. Each constant follows the bpmnlint rule of the same name (bpmnlint 11,
 * {@code rules/<name>.js}); the rules about drawing only ({@code no-bpmndi}, {@code no-overlapping-elements},
 * {@code superfluous-label}) and those about elements Camunda 7 does not run (ad-hoc subprocesses, link events,
 * event-based gateway targets, global definitions, {@code superfluous-termination}) are left to the modeler.
 */
public enum LintRule {

  START_EVENT_REQUIRED("start-event-required", Severity.ERROR) {
    @Override
    void check(BaseElement element, Context context) {
      if (isScope(element) && childrenOf(element).stream().noneMatch(StartEvent.class::isInstance)) {
        context.report(this, element, scopeName(element) + "に開始イベントがありません。流れの最初に開始イベントを置いてください。");
      }
    }
  },

  END_EVENT_REQUIRED("end-event-required", Severity.ERROR) {
    @Override
    void check(BaseElement element, Context context) {
      if (isScope(element) && childrenOf(element).stream().noneMatch(EndEvent.class::isInstance)) {
        context.report(this, element, scopeName(element) + "に終了イベントがありません。流れの最後に終了イベントを置いてください。");
      }
    }
  },

  NO_DISCONNECTED("no-disconnected", Severity.ERROR) {
    @Override
    void check(BaseElement element, Context context) {
      if (!(element instanceof Task || element instanceof Gateway || element instanceof SubProcess
          || element instanceof Event) || isEventSubProcess(element) || isCompensation(element)
          || inAdHocSubProcess(element)) {
        return;
      }
      if (context.flows.incoming(element).isEmpty() && context.flows.outgoing(element).isEmpty()) {
        context.report(this, element, "どの流れ（シーケンスフロー）にもつながっていません。流れにつなぐか、削除してください。");
      }
    }
  },

  NO_IMPLICIT_SPLIT("no-implicit-split", Severity.ERROR) {
    @Override
    void check(BaseElement element, Context context) {
      if (!(element instanceof Activity || element instanceof Event)) {
        return;
      }
      long unconditional = context.flows.outgoing(element).stream()
          .filter(flow -> !FlowIndex.hasCondition(flow) && !FlowIndex.isDefault(element, flow)).count();
      if (unconditional > 1) {
        context.report(this, element, "ゲートウェイを使わずに、条件のない流れが " + unconditional
            + " 本に分かれています（すべてが同時に進みます）。分岐にはゲートウェイを置いてください。");
      }
    }
  },

  FAKE_JOIN("fake-join", Severity.WARNING) {
    @Override
    void check(BaseElement element, Context context) {
      if (!(element instanceof Activity || element instanceof Event)) {
        return;
      }
      int incoming = context.flows.incoming(element).size();
      if (incoming > 1) {
        context.report(this, element, "ゲートウェイを使わずに " + incoming
            + " 本の流れが合流しています（合流せず、流れが来るたびにこの要素が動きます）。");
      }
    }
  },

  NO_DUPLICATE_SEQUENCE_FLOWS("no-duplicate-sequence-flows", Severity.ERROR) {
    @Override
    void check(BaseElement element, Context context) {
      if (!(element instanceof SequenceFlow flow) || flow.getSource() == null || flow.getTarget() == null) {
        return;
      }
      String condition = flow.getConditionExpression() == null ? "" : flow.getConditionExpression().getTextContent();
      String key = flow.getSource().getId() + "#" + flow.getTarget().getId() + "#" + condition;
      if (context.seenFlows.add(key)) {
        return;
      }
      context.report(this, flow, "同じ要素の間に、同じ条件の流れがもう1本あります。1本を削除してください。");
      if (context.duplicateSources.add(flow.getSource().getId())) {
        context.report(this, flow.getSource(), "出ていく流れが重複しています。");
      }
      if (context.duplicateTargets.add(flow.getTarget().getId())) {
        context.report(this, flow.getTarget(), "入ってくる流れが重複しています。");
      }
    }
  },

  SINGLE_BLANK_START_EVENT("single-blank-start-event", Severity.ERROR) {
    @Override
    void check(BaseElement element, Context context) {
      if (!(element instanceof Process || element instanceof SubProcess)) {
        return;
      }
      long blank = childrenOf(element).stream()
          .filter(child -> child instanceof StartEvent && eventDefinitionsOf(child).isEmpty()).count();
      if (blank > 1) {
        context.report(this, element, scopeName(element) + "に種類のない開始イベントが " + blank
            + " 個あります。1つにしてください。");
      }
    }
  },

  SUPERFLUOUS_GATEWAY("superfluous-gateway", Severity.WARNING) {
    @Override
    void check(BaseElement element, Context context) {
      if (element instanceof Gateway && context.flows.incoming(element).size() == 1
          && context.flows.outgoing(element).size() == 1) {
        context.report(this, element, "入る流れも出る流れも1本だけのゲートウェイです。何もしないので、不要なら削除してください。");
      }
    }
  },

  LABEL_REQUIRED("label-required", Severity.ERROR) {
    @Override
    void check(BaseElement element, Context context) {
      if (element instanceof ParallelGateway || element instanceof EventBasedGateway || element instanceof SubProcess
          || (element instanceof Gateway && context.flows.outgoing(element).size() <= 1)
          || (element instanceof SequenceFlow flow && !FlowIndex.hasCondition(flow))) {
        return;
      }
      if (element instanceof FlowNode || element instanceof SequenceFlow || element instanceof Participant
          || element instanceof Lane) {
        String name = element.getAttributeValue("name");
        if (name == null || name.strip().isEmpty()) {
          context.report(this, element, "名前がありません。担当の職員が読んで分かる名前を付けてください。");
        }
      }
    }
  },

  CONDITIONAL_FLOWS("conditional-flows", Severity.ERROR) {
    @Override
    void check(BaseElement element, Context context) {
      List<SequenceFlow> outgoing = context.flows.outgoing(element);
      boolean conditionalFork = element.getDomElement().getAttribute("default") != null
          || outgoing.stream().anyMatch(FlowIndex::hasCondition);
      if (!conditionalFork) {
        return;
      }
      for (SequenceFlow flow : outgoing) {
        if (!FlowIndex.hasCondition(flow) && !FlowIndex.isDefault(element, flow)) {
          context.report(this, flow, "条件で分かれる流れのうち、この流れには条件がなく、デフォルトの流れでもありません。"
              + "条件を書くか、デフォルトの流れにしてください。");
        }
      }
    }
  },

  NO_GATEWAY_JOIN_FORK("no-gateway-join-fork", Severity.ERROR) {
    @Override
    void check(BaseElement element, Context context) {
      if (element instanceof Gateway && context.flows.incoming(element).size() > 1
          && context.flows.outgoing(element).size() > 1) {
        context.report(this, element, "1つのゲートウェイで合流と分岐をしています。合流と分岐のゲートウェイを分けてください。");
      }
    }
  },

  NO_IMPLICIT_START("no-implicit-start", Severity.ERROR) {
    @Override
    void check(BaseElement element, Context context) {
      if (!(element instanceof Event || element instanceof Activity || element instanceof Gateway)
          || element instanceof StartEvent || element instanceof BoundaryEvent || isCompensationActivity(element)
          || isEventSubProcess(element) || inAdHocSubProcess(element)
          || (element instanceof IntermediateCatchEvent && isLinkEvent(element))) {
        return;
      }
      if (context.flows.incoming(element).isEmpty()) {
        context.report(this, element, "入ってくる流れがなく、開始イベントでもありません。開始イベントからつないでください。");
      }
    }
  },

  NO_IMPLICIT_END("no-implicit-end", Severity.ERROR) {
    @Override
    void check(BaseElement element, Context context) {
      if (!(element instanceof Event || element instanceof Activity || element instanceof Gateway)
          || element instanceof EndEvent || isCompensationActivity(element) || isEventSubProcess(element)
          || inAdHocSubProcess(element) || (element instanceof IntermediateThrowEvent && isLinkEvent(element))
          || (element instanceof BoundaryEvent && isCompensationEvent(element)
              && context.associationSources.contains(element.getId()))) {
        return;
      }
      if (context.flows.outgoing(element).isEmpty()) {
        context.report(this, element, "出ていく流れがなく、終了イベントでもありません。最後に終了イベントをつないでください。");
      }
    }
  },

  SINGLE_EVENT_DEFINITION("single-event-definition", Severity.ERROR) {
    @Override
    void check(BaseElement element, Context context) {
      int definitions = eventDefinitionsOf(element).size();
      if (element instanceof Event && definitions > 1) {
        context.report(this, element, "1つのイベントに種類（イベント定義）が " + definitions + " 個あります。1つにしてください。");
      }
    }
  },

  SUB_PROCESS_BLANK_START_EVENT("sub-process-blank-start-event", Severity.ERROR) {
    @Override
    void check(BaseElement element, Context context) {
      if (element instanceof StartEvent && element.getParentElement() instanceof SubProcess parent
          && !parent.triggeredByEvent() && !eventDefinitionsOf(element).isEmpty()) {
        context.report(this, element, "サブプロセスの開始イベントには種類（メッセージ・タイマーなど）を付けられません。");
      }
    }
  },

  EVENT_SUB_PROCESS_TYPED_START_EVENT("event-sub-process-typed-start-event", Severity.ERROR) {
    @Override
    void check(BaseElement element, Context context) {
      if (element instanceof StartEvent && isEventSubProcess(element.getParentElement())
          && eventDefinitionsOf(element).isEmpty()) {
        context.report(this, element, "イベントサブプロセスの開始イベントに種類（メッセージ・タイマー・エラーなど）がありません。");
      }
    }
  },

  NO_COMPLEX_GATEWAY("no-complex-gateway", Severity.ERROR) {
    @Override
    void check(BaseElement element, Context context) {
      if (element instanceof ComplexGateway) {
        context.report(this, element, "複合ゲートウェイはエンジンが実行できません。排他・並列ゲートウェイで表してください。");
      }
    }
  },

  NO_INCLUSIVE_GATEWAY("no-inclusive-gateway", Severity.WARNING) {
    @Override
    void check(BaseElement element, Context context) {
      if (element instanceof InclusiveGateway) {
        context.report(this, element, "包含ゲートウェイは読み違えやすい分岐です。排他・並列ゲートウェイで表せないか確かめてください。");
      }
    }
  };

  private final String ruleName;
  private final Severity severity;

  LintRule(String ruleName, Severity severity) {
    this.ruleName = ruleName;
    this.severity = severity;
  }

  /** The bpmnlint name of the rule. */
  public String ruleName() {
    return ruleName;
  }

  /** The severity {@code bpmnlint:recommended} gives the rule. */
  public Severity severity() {
    return severity;
  }

  abstract void check(BaseElement element, Context context);

  /** What the rules share while one model is checked: the flows, what was already seen, and the findings. */
  static final class Context {

    final FlowIndex flows;
    final Set<String> associationSources;
    final Set<String> seenFlows = new HashSet<>();
    final Set<String> duplicateSources = new HashSet<>();
    final Set<String> duplicateTargets = new HashSet<>();
    final List<LintIssue> issues;

    Context(FlowIndex flows, Collection<Association> associations, List<LintIssue> issues) {
      this.flows = flows;
      this.associationSources = new HashSet<>();
      associations.forEach(a -> {
        if (a.getSource() != null) {
          associationSources.add(a.getSource().getId());
        }
      });
      this.issues = issues;
    }

    void report(LintRule rule, BaseElement element, String message) {
      issues.add(new LintIssue(rule.ruleName, rule.severity, element.getId(), message));
    }
  }

  /** A process or a subprocess: the scopes that need their own start and end (ad-hoc ones are not typed here). */
  private static boolean isScope(BaseElement element) {
    return element instanceof Process || element instanceof SubProcess;
  }

  private static String scopeName(BaseElement scope) {
    if (isEventSubProcess(scope)) {
      return "イベントサブプロセス";
    }
    return scope instanceof SubProcess ? "サブプロセス" : "プロセス";
  }

  private static Collection<FlowElement> childrenOf(BaseElement scope) {
    if (scope instanceof Process process) {
      return process.getFlowElements();
    }
    if (scope instanceof SubProcess subProcess) {
      return subProcess.getFlowElements();
    }
    return List.of();
  }

  private static boolean isEventSubProcess(Object element) {
    return element instanceof SubProcess subProcess && subProcess.triggeredByEvent();
  }

  private static boolean inAdHocSubProcess(BaseElement element) {
    return element.getDomElement().getParentElement() != null
        && "adHocSubProcess".equals(element.getDomElement().getParentElement().getLocalName());
  }

  private static boolean isCompensationActivity(BaseElement element) {
    return element instanceof Activity activity && activity.isForCompensation();
  }

  private static boolean isCompensationEvent(BaseElement element) {
    Collection<EventDefinition> definitions = eventDefinitionsOf(element);
    return !definitions.isEmpty() && definitions.stream().allMatch(CompensateEventDefinition.class::isInstance);
  }

  /** A compensation activity, or a boundary event with exactly one definition, a compensation. */
  private static boolean isCompensation(BaseElement element) {
    return isCompensationActivity(element) || (element instanceof BoundaryEvent
        && eventDefinitionsOf(element).size() == 1 && isCompensationEvent(element));
  }

  private static boolean isLinkEvent(BaseElement element) {
    Collection<EventDefinition> definitions = eventDefinitionsOf(element);
    return !definitions.isEmpty() && definitions.stream().allMatch(LinkEventDefinition.class::isInstance);
  }

  private static Collection<EventDefinition> eventDefinitionsOf(BaseElement element) {
    if (element instanceof CatchEvent event) {
      return event.getEventDefinitions();
    }
    if (element instanceof ThrowEvent event) {
      return event.getEventDefinitions();
    }
    return List.of();
  }
}
