package org.madoguchi.bpr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.Test;

/** The fit and gap of variants of the NHI enrollment procedure against the model the processes module ships. */
class ProcessComparisonTest {

  private static final String KEY = "nhi-enrollment";

  @Test
  void theStandardAgainstItselfDepartsByNothing() throws IOException {
    FitGap fitGap = ProcessComparison.compare(standard(), KEY, standard(), KEY);

    assertThat(fitGap.departurePercent()).isZero();
    assertThat(fitGap.added()).isEmpty();
    assertThat(fitGap.removed()).isEmpty();
    assertThat(fitGap.changed()).isEmpty();
    assertThat(fitGap.processChanges()).isEmpty();
    // 2 lanes, 9 flow nodes, 10 sequence flows
    assertThat(fitGap.unchanged()).isEqualTo(21).isEqualTo(fitGap.standardElements());
  }

  @Test
  void reportsEachChangedAspectOfAnElement() throws IOException {
    BpmnModelInstance variant = standard();
    UserTask check = variant.getModelElementById("Check");
    check.setName("資格審査");
    check.setCamundaFormRef("nhi-enrollment-application-462012");
    check.setCamundaCandidateGroups("counter");
    Lane counter = variant.getModelElementById("Lane_Counter");
    Lane department = variant.getModelElementById("Lane_Department");
    department.getFlowNodeRefs().remove(check);
    counter.getFlowNodeRefs().add(check);
    SequenceFlow approved = variant.getModelElementById("Flow_Approved");
    approved.getConditionExpression().setTextContent("${decision == 'APPROVE'}");

    FitGap fitGap = ProcessComparison.compare(standard(), KEY, variant, KEY);

    assertThat(fitGap.changed()).extracting(FitGap.Change::id).containsExactlyInAnyOrder("Check", "Flow_Approved");
    assertThat(fitGap.changed()).filteredOn(change -> change.id().equals("Check")).singleElement()
        .satisfies(change -> assertThat(change.differences())
            .extracting(FitGap.Difference::aspect, FitGap.Difference::standard, FitGap.Difference::variant)
            .containsExactly(
                tuple("name", "資格審査（前住所地の資格喪失確認）", "資格審査"),
                tuple("lane", "保険年金課", "市民課 総合窓口"),
                tuple("form", "nhi-enrollment-application", "nhi-enrollment-application-462012"),
                tuple("camunda:candidateGroups", "insurance-pension", "counter")));
    assertThat(fitGap.changed()).filteredOn(change -> change.id().equals("Flow_Approved")).singleElement()
        .satisfies(change -> assertThat(change.differences()).extracting(FitGap.Difference::aspect)
            .containsExactly("condition"));
    assertThat(fitGap.departurePercent()).isEqualTo(9.5); // 2 of 21
  }

  @Test
  void reportsAddedAndRemovedElementsAndRewiredFlows() throws IOException {
    BpmnModelInstance variant = standard();
    // The municipality drops the correction at the counter: a return from the check now ends the case.
    variant.getModelElementById("Correct").getParentElement()
        .removeChildElement(variant.getModelElementById("Flow_CorrectedToCheck"));
    variant.getModelElementById("Correct").getParentElement()
        .removeChildElement(variant.getModelElementById("Correct"));
    Lane counter = variant.getModelElementById("Lane_Counter");
    counter.getFlowNodeRefs().removeIf(node -> node.getId().equals("Correct"));
    EndEvent rejected = variant.newInstance(EndEvent.class, "Rejected");
    rejected.setName("却下");
    variant.getModelElementById(KEY).addChildElement(rejected);
    SequenceFlow returned = variant.getModelElementById("Flow_CheckReturned");
    returned.setTarget(rejected);
    variant.getModelElementsByType(CamundaProperty.class).stream()
        .filter(p -> p.getCamundaName().equals("madoguchi.caseScope")).findFirst().orElseThrow()
        .setCamundaValue("MEMBER");

    FitGap fitGap = ProcessComparison.compare(standard(), KEY, variant, KEY);

    assertThat(fitGap.added()).extracting(FitGap.Element::id, FitGap.Element::type, FitGap.Element::name)
        .containsExactly(tuple("Rejected", "endEvent", "却下"));
    assertThat(fitGap.removed()).extracting(FitGap.Element::id, FitGap.Element::lane)
        .containsExactlyInAnyOrder(tuple("Correct", "市民課 総合窓口"), tuple("Flow_CorrectedToCheck", null));
    assertThat(fitGap.changed()).singleElement().satisfies(change -> {
      assertThat(change.id()).isEqualTo("Flow_CheckReturned");
      assertThat(change.differences()).containsExactly(new FitGap.Difference("target", "Correct", "Rejected"));
    });
    assertThat(fitGap.processChanges())
        .containsExactly(new FitGap.Difference("property:madoguchi.caseScope", "HOUSEHOLD", "MEMBER"));
    assertThat(fitGap.standardElements()).isEqualTo(21);
    assertThat(fitGap.variantElements()).isEqualTo(20);
    assertThat(fitGap.departurePercent()).isEqualTo(18.2); // (1 + 2 + 1) of 22
  }

  @Test
  void modelsThatShareNothingDepartCompletely() {
    FitGap fitGap = ProcessComparison.compare(model("<startEvent id=\"A\"/><endEvent id=\"B\"/>"), "P",
        model("<startEvent id=\"C\"/>"), "P");

    assertThat(fitGap.departurePercent()).isEqualTo(100.0);
    assertThat(fitGap.added()).hasSize(1);
    assertThat(fitGap.removed()).hasSize(2);
  }

  @Test
  void unknownProcessIdIsRefused() throws IOException {
    BpmnModelInstance standard = standard();
    assertThatThrownBy(() -> ProcessComparison.compare(standard, "no-such-process", standard, KEY))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no-such-process");
  }

  private static BpmnModelInstance standard() throws IOException {
    try (InputStream in = ProcessComparisonTest.class.getResourceAsStream("/bpmn/" + KEY + ".bpmn")) {
      return Bpmn.readModelFromStream(in);
    }
  }

  private static BpmnModelInstance model(String body) {
    String xml = "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" id=\"D\" targetNamespace=\"t\">"
        + "<process id=\"P\">" + body + "</process></definitions>";
    return Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }
}
