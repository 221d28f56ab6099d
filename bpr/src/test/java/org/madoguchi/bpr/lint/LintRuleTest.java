package org.madoguchi.bpr.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.madoguchi.bpr.lint.LintIssue.Severity;

/** Each rule on a model that breaks it and on a near miss that does not; and on the models Madoguchi ships. */
class LintRuleTest {

  /** Start → Work → End, every node named: breaks no rule. */
  private static final String CLEAN = """
      <startEvent id="Start" name="開始"/>
      <userTask id="Work" name="作業"/>
      <endEvent id="End" name="終了"/>
      <sequenceFlow id="F1" sourceRef="Start" targetRef="Work"/>
      <sequenceFlow id="F2" sourceRef="Work" targetRef="End"/>
      """;

  @Test
  void cleanModelBreaksNoRule() {
    assertThat(lint(CLEAN)).isEmpty();
  }

  @Test
  void rulesCarryTheNamesAndSeveritiesOfBpmnlintRecommended() {
    assertThat(Arrays.stream(LintRule.values()).map(rule -> rule.ruleName() + "=" + rule.severity().bpmnlintCategory()))
        .containsExactlyInAnyOrder("start-event-required=error", "end-event-required=error", "no-disconnected=error",
            "no-implicit-split=error", "fake-join=warn", "no-duplicate-sequence-flows=error",
            "single-blank-start-event=error", "superfluous-gateway=warn", "label-required=error",
            "conditional-flows=error", "no-gateway-join-fork=error", "no-implicit-start=error",
            "no-implicit-end=error", "single-event-definition=error", "sub-process-blank-start-event=error",
            "event-sub-process-typed-start-event=error", "no-complex-gateway=error", "no-inclusive-gateway=warn");
  }

  @ParameterizedTest
  @ValueSource(strings = {"nhi-enrollment", "child-allowance", "seal-registration", "move-in-visit",
      "late-stage-elderly-medical", "long-term-care", "national-pension", "child-medical-subsidy",
      "school-enrollment", "card-continuation"})
  void shippedModelsHaveNoErrors(String key) throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/bpmn/" + key + ".bpmn")) {
      List<LintIssue> issues = BpmnLinter.lint(Bpmn.readModelFromStream(in));
      assertThat(issues).noneMatch(LintIssue::isError);
    }
  }

  @Test
  void procedureModelWarnsOnlyThatCheckIsReachedWithoutAJoin() throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/bpmn/nhi-enrollment.bpmn")) {
      assertThat(BpmnLinter.lint(Bpmn.readModelFromStream(in)))
          .extracting(LintIssue::rule, LintIssue::elementId, LintIssue::severity)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("fake-join", "Check", Severity.WARNING));
    }
  }

  @Nested
  class StartEventRequired {
    @Test
    void processWithoutStartEvent() {
      assertFound("start-event-required", "Process", """
          <userTask id="Work" name="作業"/><endEvent id="End" name="終了"/>
          <sequenceFlow id="F1" sourceRef="Work" targetRef="End"/>""");
    }

    @Test
    void subProcessWithoutStartEvent() {
      assertFound("start-event-required", "Sub", withSubProcess("""
          <userTask id="Inner" name="中"/><endEvent id="InnerEnd" name="中の終了"/>
          <sequenceFlow id="I1" sourceRef="Inner" targetRef="InnerEnd"/>"""));
    }

    @Test
    void subProcessWithStartEvent() {
      assertNotFound("start-event-required", withSubProcess(INNER_CLEAN));
    }
  }

  @Nested
  class EndEventRequired {
    @Test
    void processWithoutEndEvent() {
      assertFound("end-event-required", "Process", """
          <startEvent id="Start" name="開始"/><userTask id="Work" name="作業"/>
          <sequenceFlow id="F1" sourceRef="Start" targetRef="Work"/>""");
    }

    @Test
    void processWithEndEvent() {
      assertNotFound("end-event-required", CLEAN);
    }
  }

  @Nested
  class NoDisconnected {
    @Test
    void taskWithoutFlows() {
      assertFound("no-disconnected", "Alone", CLEAN + "<serviceTask id=\"Alone\" name=\"孤立\"/>");
    }

    @Test
    void compensationActivityMayStandAlone() {
      assertNotFound("no-disconnected", CLEAN + "<serviceTask id=\"Undo\" name=\"取消\" isForCompensation=\"true\"/>");
    }
  }

  @Nested
  class NoImplicitSplit {
    @Test
    void taskWithTwoUnconditionalFlows() {
      assertFound("no-implicit-split", "Work", CLEAN + """
          <endEvent id="End2" name="終了2"/><sequenceFlow id="F3" sourceRef="Work" targetRef="End2"/>""");
    }

    @Test
    void taskWithAConditionalAndADefaultFlow() {
      assertNotFound("no-implicit-split", """
          <startEvent id="Start" name="開始"/>
          <userTask id="Work" name="作業" default="F2"/>
          <endEvent id="End" name="終了"/><endEvent id="End2" name="終了2"/>
          <sequenceFlow id="F1" sourceRef="Start" targetRef="Work"/>
          <sequenceFlow id="F2" sourceRef="Work" targetRef="End"/>
          <sequenceFlow id="F3" name="急ぎ" sourceRef="Work" targetRef="End2">
            <conditionExpression>${urgent}</conditionExpression>
          </sequenceFlow>""");
    }
  }

  @Nested
  class FakeJoin {
    @Test
    void taskReachedByTwoFlows() {
      assertFound("fake-join", "Work", CLEAN + """
          <startEvent id="Start2" name="開始2"/><sequenceFlow id="F3" sourceRef="Start2" targetRef="Work"/>""",
          Severity.WARNING);
    }

    @Test
    void twoFlowsJoinedByAGateway() {
      assertNotFound("fake-join", """
          <startEvent id="Start" name="開始"/><startEvent id="Start2" name="開始2"><messageEventDefinition/></startEvent>
          <exclusiveGateway id="Join"/>
          <userTask id="Work" name="作業"/><endEvent id="End" name="終了"/>
          <sequenceFlow id="F1" sourceRef="Start" targetRef="Join"/>
          <sequenceFlow id="F2" sourceRef="Start2" targetRef="Join"/>
          <sequenceFlow id="F3" sourceRef="Join" targetRef="Work"/>
          <sequenceFlow id="F4" sourceRef="Work" targetRef="End"/>""");
    }
  }

  @Nested
  class NoDuplicateSequenceFlows {
    @Test
    void twoFlowsBetweenTheSameNodesNameTheFlowAndBothEnds() {
      List<LintIssue> found = ofRule("no-duplicate-sequence-flows",
          CLEAN + "<sequenceFlow id=\"F2b\" sourceRef=\"Work\" targetRef=\"End\"/>");
      assertThat(found).extracting(LintIssue::elementId).containsExactly("F2b", "Work", "End");
      assertThat(found).allMatch(LintIssue::isError);
    }

    @Test
    void twoFlowsWithDifferentConditions() {
      assertNotFound("no-duplicate-sequence-flows", """
          <startEvent id="Start" name="開始"/>
          <exclusiveGateway id="Decide" name="急ぐ？"/>
          <endEvent id="End" name="終了"/>
          <sequenceFlow id="F1" sourceRef="Start" targetRef="Decide"/>
          <sequenceFlow id="F2" name="はい" sourceRef="Decide" targetRef="End"><conditionExpression>${a}</conditionExpression></sequenceFlow>
          <sequenceFlow id="F3" name="いいえ" sourceRef="Decide" targetRef="End"><conditionExpression>${!a}</conditionExpression></sequenceFlow>""");
    }
  }

  @Nested
  class SingleBlankStartEvent {
    @Test
    void twoBlankStartEvents() {
      assertFound("single-blank-start-event", "Process", CLEAN + """
          <startEvent id="Start2" name="開始2"/><sequenceFlow id="F3" sourceRef="Start2" targetRef="End"/>""");
    }

    @Test
    void oneBlankAndOneMessageStartEvent() {
      assertNotFound("single-blank-start-event", CLEAN + """
          <startEvent id="Start2" name="開始2"><messageEventDefinition/></startEvent>
          <sequenceFlow id="F3" sourceRef="Start2" targetRef="End"/>""");
    }
  }

  @Nested
  class SuperfluousGateway {
    @Test
    void gatewayWithOneFlowInAndOut() {
      assertFound("superfluous-gateway", "Pass", """
          <startEvent id="Start" name="開始"/><exclusiveGateway id="Pass" name="通過"/><endEvent id="End" name="終了"/>
          <sequenceFlow id="F1" sourceRef="Start" targetRef="Pass"/>
          <sequenceFlow id="F2" sourceRef="Pass" targetRef="End"/>""", Severity.WARNING);
    }

    @Test
    void gatewayThatSplits() {
      assertNotFound("superfluous-gateway", DECISION);
    }
  }

  @Nested
  class LabelRequired {
    @Test
    void unnamedTask() {
      assertFound("label-required", "Work", CLEAN.replace("name=\"作業\"", ""));
    }

    @Test
    void blankNamedEvent() {
      assertFound("label-required", "Start", CLEAN.replace("name=\"開始\"", "name=\"　\""));
    }

    @Test
    void unnamedConditionalFlowAndForkingGateway() {
      List<LintIssue> found = ofRule("label-required", DECISION.replace(" name=\"急ぐ？\"", "")
          .replace(" name=\"はい\"", ""));
      assertThat(found).extracting(LintIssue::elementId).containsExactly("Decide", "Yes");
    }

    @Test
    void unnamedJoinParallelGatewayAndPlainFlowNeedNoName() {
      assertNotFound("label-required", """
          <startEvent id="Start" name="開始"/><parallelGateway id="Fork"/>
          <userTask id="A" name="A"/><userTask id="B" name="B"/><parallelGateway id="Join"/>
          <exclusiveGateway id="Merge"/><endEvent id="End" name="終了"/>
          <sequenceFlow id="F1" sourceRef="Start" targetRef="Fork"/>
          <sequenceFlow id="F2" sourceRef="Fork" targetRef="A"/><sequenceFlow id="F3" sourceRef="Fork" targetRef="B"/>
          <sequenceFlow id="F4" sourceRef="A" targetRef="Join"/><sequenceFlow id="F5" sourceRef="B" targetRef="Join"/>
          <sequenceFlow id="F6" sourceRef="Join" targetRef="Merge"/><sequenceFlow id="F7" sourceRef="Merge" targetRef="End"/>""");
    }

    @Test
    void unnamedLane() {
      assertFound("label-required", "LaneB", """
          <laneSet id="Lanes"><lane id="LaneA" name="窓口"><flowNodeRef>Start</flowNodeRef></lane>
            <lane id="LaneB"><flowNodeRef>Work</flowNodeRef><flowNodeRef>End</flowNodeRef></lane></laneSet>""" + CLEAN);
    }
  }

  @Nested
  class ConditionalFlows {
    @Test
    void flowWithoutConditionBesideAConditionalOne() {
      assertFound("conditional-flows", "No", DECISION.replace(
          "<conditionExpression>${!urgent}</conditionExpression>", ""));
    }

    @Test
    void flowWithoutConditionThatIsTheDefault() {
      assertNotFound("conditional-flows", DECISION.replace("<exclusiveGateway id=\"Decide\" name=\"急ぐ？\"/>",
          "<exclusiveGateway id=\"Decide\" name=\"急ぐ？\" default=\"No\"/>")
          .replace("<conditionExpression>${!urgent}</conditionExpression>", ""));
    }
  }

  @Nested
  class NoGatewayJoinFork {
    @Test
    void gatewayThatJoinsAndSplits() {
      assertFound("no-gateway-join-fork", "Decide", DECISION.replace("<endEvent id=\"End\" name=\"終了\"/>",
          "<endEvent id=\"End\" name=\"終了\"/><startEvent id=\"Start2\" name=\"開始2\"><messageEventDefinition/></startEvent>"
              + "<sequenceFlow id=\"F9\" sourceRef=\"Start2\" targetRef=\"Decide\"/>"));
    }

    @Test
    void gatewayThatOnlySplits() {
      assertNotFound("no-gateway-join-fork", DECISION);
    }
  }

  @Nested
  class NoImplicitStart {
    @Test
    void taskWithoutIncomingFlow() {
      assertFound("no-implicit-start", "Orphan", CLEAN + """
          <userTask id="Orphan" name="入口なし"/><sequenceFlow id="F3" sourceRef="Orphan" targetRef="End"/>""");
    }

    @Test
    void boundaryEventNeedsNoIncomingFlow() {
      assertNotFound("no-implicit-start", CLEAN + """
          <boundaryEvent id="Late" name="期限切れ" attachedToRef="Work"><timerEventDefinition><timeDuration>P1D</timeDuration></timerEventDefinition></boundaryEvent>
          <sequenceFlow id="F3" sourceRef="Late" targetRef="End"/>""");
    }
  }

  @Nested
  class NoImplicitEnd {
    @Test
    void taskWithoutOutgoingFlow() {
      assertFound("no-implicit-end", "DeadEnd", CLEAN + """
          <userTask id="DeadEnd" name="行き止まり"/><sequenceFlow id="F3" sourceRef="Start" targetRef="DeadEnd"/>""");
    }

    @Test
    void endEventEndsTheFlow() {
      assertNotFound("no-implicit-end", CLEAN);
    }
  }

  @Nested
  class SingleEventDefinition {
    @Test
    void eventWithTwoDefinitions() {
      assertFound("single-event-definition", "Wait", WAIT.replace("<messageEventDefinition/>",
          "<messageEventDefinition/><signalEventDefinition/>"));
    }

    @Test
    void eventWithOneDefinition() {
      assertNotFound("single-event-definition", WAIT);
    }
  }

  @Nested
  class SubProcessBlankStartEvent {
    @Test
    void typedStartEventInASubProcess() {
      assertFound("sub-process-blank-start-event", "InnerStart", withSubProcess(
          INNER_CLEAN.replace("<startEvent id=\"InnerStart\" name=\"中の開始\"/>",
              "<startEvent id=\"InnerStart\" name=\"中の開始\"><messageEventDefinition/></startEvent>")));
    }

    @Test
    void blankStartEventInASubProcess() {
      assertNotFound("sub-process-blank-start-event", withSubProcess(INNER_CLEAN));
    }
  }

  @Nested
  class EventSubProcessTypedStartEvent {
    @Test
    void blankStartEventInAnEventSubProcess() {
      assertFound("event-sub-process-typed-start-event", "InnerStart", CLEAN
          + "<subProcess id=\"OnEvent\" triggeredByEvent=\"true\">" + INNER_CLEAN + "</subProcess>");
    }

    @Test
    void messageStartEventInAnEventSubProcess() {
      assertNotFound("event-sub-process-typed-start-event", CLEAN + "<subProcess id=\"OnEvent\" triggeredByEvent=\"true\">"
          + INNER_CLEAN.replace("<startEvent id=\"InnerStart\" name=\"中の開始\"/>",
              "<startEvent id=\"InnerStart\" name=\"中の開始\"><messageEventDefinition/></startEvent>")
          + "</subProcess>");
    }
  }

  @Nested
  class NoComplexGateway {
    @Test
    void complexGateway() {
      assertFound("no-complex-gateway", "Decide", DECISION.replace("exclusiveGateway", "complexGateway"));
    }

    @Test
    void exclusiveGateway() {
      assertNotFound("no-complex-gateway", DECISION);
    }
  }

  @Nested
  class NoInclusiveGateway {
    @Test
    void inclusiveGateway() {
      assertFound("no-inclusive-gateway", "Decide", DECISION.replace("exclusiveGateway", "inclusiveGateway"),
          Severity.WARNING);
    }

    @Test
    void exclusiveGateway() {
      assertNotFound("no-inclusive-gateway", DECISION);
    }
  }

  /** Start → a named exclusive gateway → Yes (urgent) / No (not urgent) → End: breaks no rule. */
  private static final String DECISION = """
      <startEvent id="Start" name="開始"/>
      <exclusiveGateway id="Decide" name="急ぐ？"/>
      <userTask id="Fast" name="すぐ処理"/><userTask id="Slow" name="後で処理"/>
      <exclusiveGateway id="Merge"/>
      <endEvent id="End" name="終了"/>
      <sequenceFlow id="F1" sourceRef="Start" targetRef="Decide"/>
      <sequenceFlow id="Yes" name="はい" sourceRef="Decide" targetRef="Fast"><conditionExpression>${urgent}</conditionExpression></sequenceFlow>
      <sequenceFlow id="No" name="いいえ" sourceRef="Decide" targetRef="Slow"><conditionExpression>${!urgent}</conditionExpression></sequenceFlow>
      <sequenceFlow id="F4" sourceRef="Fast" targetRef="Merge"/>
      <sequenceFlow id="F5" sourceRef="Slow" targetRef="Merge"/>
      <sequenceFlow id="F6" sourceRef="Merge" targetRef="End"/>
      """;

  /** Start → an intermediate message catch event → End. */
  private static final String WAIT = """
      <startEvent id="Start" name="開始"/>
      <intermediateCatchEvent id="Wait" name="書類を待つ"><messageEventDefinition/></intermediateCatchEvent>
      <endEvent id="End" name="終了"/>
      <sequenceFlow id="F1" sourceRef="Start" targetRef="Wait"/>
      <sequenceFlow id="F2" sourceRef="Wait" targetRef="End"/>
      """;

  private static final String INNER_CLEAN = """
      <startEvent id="InnerStart" name="中の開始"/><userTask id="Inner" name="中"/><endEvent id="InnerEnd" name="中の終了"/>
      <sequenceFlow id="I0" sourceRef="InnerStart" targetRef="Inner"/>
      <sequenceFlow id="I1" sourceRef="Inner" targetRef="InnerEnd"/>""";

  /** Start → a subprocess holding {@code inner} → End. */
  private static String withSubProcess(String inner) {
    return """
        <startEvent id="Start" name="開始"/>
        <subProcess id="Sub">%s</subProcess>
        <endEvent id="End" name="終了"/>
        <sequenceFlow id="F1" sourceRef="Start" targetRef="Sub"/>
        <sequenceFlow id="F2" sourceRef="Sub" targetRef="End"/>""".formatted(inner);
  }

  private static void assertFound(String rule, String elementId, String body) {
    assertFound(rule, elementId, body, Severity.ERROR);
  }

  private static void assertFound(String rule, String elementId, String body, Severity severity) {
    assertThat(ofRule(rule, body)).as("%s on %s", rule, elementId)
        .anySatisfy(issue -> {
          assertThat(issue.elementId()).isEqualTo(elementId);
          assertThat(issue.severity()).isEqualTo(severity);
          assertThat(issue.message()).isNotBlank();
        });
  }

  private static void assertNotFound(String rule, String body) {
    assertThat(ofRule(rule, body)).as(rule).isEmpty();
  }

  private static List<LintIssue> ofRule(String rule, String body) {
    return lint(body).stream().filter(issue -> issue.rule().equals(rule)).toList();
  }

  private static List<LintIssue> lint(String body) {
    String xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="test">
          <process id="Process" name="手続" isExecutable="true">%s</process>
        </definitions>""".formatted(body).strip();
    return BpmnLinter.lint(Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
  }
}
