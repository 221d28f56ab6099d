package org.madoguchi.bpr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.madoguchi.forms.FormCatalog;
import org.madoguchi.forms.FormDefinition;

class BpmnMetricsTest {

  private final BpmnMetrics metrics = new BpmnMetrics(FormCatalog.fromClasspath());

  @Test
  void measuresTheMoveInVisitAsOneCounterWithoutHandOffs() throws Exception {
    assertThat(measureModel("bpmn/move-in-visit.bpmn")).containsExactly(new ProcessMetrics(
        "bpmn/move-in-visit.bpmn", "move-in-visit", "転入の来庁",
        2, List.of("市民課 総合窓口"), List.of("市民課 総合窓口"), 0, 0,
        1, List.of("move-in-notification"), 0, 1, Map.of("counter", 2), List.of()));
  }

  @Test
  void measuresTheNhiEnrollmentWithItsHandOffsBetweenCounterAndDepartment() throws Exception {
    // Accept → Check, Check's return → Correct, Correct → Check cross the lanes; the approval loop stays in the
    // department. Only the counter lane is marked madoguchi.counter: the resident comes back to it once, when the
    // department returns the application for correction. Every task shows the application (one form, signed
    // once, nothing for the resident to write).
    assertThat(measureModel("bpmn/nhi-enrollment.bpmn")).containsExactly(new ProcessMetrics(
        "bpmn/nhi-enrollment.bpmn", "nhi-enrollment", "国民健康保険 加入",
        4, List.of("市民課 総合窓口", "保険年金課"), List.of("市民課 総合窓口"), 3, 1,
        4, List.of("nhi-enrollment-application"), 0, 1, Map.of("counter", 2, "insurance-pension", 2), List.of()));
  }

  @Test
  void sumsAVisitAndTheProceduresItSpawnsIntoItsBundle() throws Exception {
    ProcessGraph visit = readModel("bpmn/move-in-visit.bpmn");
    ProcessGraph nhi = readModel("bpmn/nhi-enrollment.bpmn");
    ProcessGraph allowance = readModel("bpmn/child-allowance.bpmn");
    List<ProcessMetrics> parts = Stream.of(visit, nhi, allowance).map(metrics::measure).toList();

    BundleMetrics bundle = metrics.measure(new Bundle("転入", visit, List.of(nhi, allowance)));

    assertThat(bundle.visit()).isEqualTo("move-in-visit");
    assertThat(bundle.procedures()).containsExactly("nhi-enrollment", "child-allowance");
    assertThat(bundle.userTasks()).isEqualTo(parts.stream().mapToInt(ProcessMetrics::userTasks).sum());
    assertThat(bundle.forms()).isEqualTo(parts.stream().mapToInt(ProcessMetrics::forms).sum());
    // The procedures start at the counter where the visit ends (市民課 総合窓口): spawning them is no hand-off and
    // the resident does not move; the bundle adds nothing to its parts.
    assertThat(bundle.lanes()).containsExactly("市民課 総合窓口", "保険年金課", "子育て支援課");
    assertThat(bundle.handOffs()).isEqualTo(parts.stream().mapToInt(ProcessMetrics::handOffs).sum());
    assertThat(bundle.residentMoves()).isEqualTo(parts.stream().mapToInt(ProcessMetrics::residentMoves).sum());
    assertThat(bundle.formIds())
        .containsExactly("move-in-notification", "nhi-enrollment-application", "child-allowance-application");
    assertThat(bundle.signatures()).isEqualTo(3);
    assertThat(bundle.stepsPerRole())
        .containsOnly(Map.entry("counter", 6), Map.entry("insurance-pension", 2), Map.entry("child-support", 2));
  }

  @Test
  void countsAFormOnceWhenTwoProceduresOfABundleUseIt() throws Exception {
    ProcessGraph visit = readModel("bpmn/move-in-visit.bpmn");
    ProcessGraph nhi = readModel("bpmn/nhi-enrollment.bpmn");

    BundleMetrics once = metrics.measure(new Bundle("once", visit, List.of(nhi)));
    BundleMetrics twice = metrics.measure(new Bundle("twice", visit, List.of(nhi, nhi)));

    assertThat(twice.userTasks()).isGreaterThan(once.userTasks());
    assertThat(twice.formIds()).isEqualTo(once.formIds());
    assertThat(twice.signatures()).isEqualTo(once.signatures()).isEqualTo(2);
    assertThat(twice.lanes()).isEqualTo(once.lanes());
  }

  @Test
  void handsTheVisitOverOnlyToAProcedureStartingInAnotherLane() throws Exception {
    List<ProcessGraph> processes = ProcessGraph.read(TestFiles.model("BpmnMetricsTest.bundle.bpmn"));

    BundleMetrics bundle = metrics.measure(new Bundle("転入", processes.get(0), processes.subList(1, 3)));

    // Inside the processes: 受付 (総合窓口) → 審査 (保険年金課, not a counter) is one hand-off, no move. Across them:
    // the visit ends at 総合窓口, where the NHI procedure starts (nothing), and the child allowance starts at
    // 子育て支援課 窓口, a counter (a hand-off and a move).
    assertThat(bundle.handOffs()).isEqualTo(2);
    assertThat(bundle.residentMoves()).isEqualTo(1);
    assertThat(bundle.lanes()).containsExactly("総合窓口", "保険年金課", "子育て支援課 窓口");
    assertThat(bundle.counterLanes()).containsExactly("総合窓口", "子育て支援課 窓口");
    assertThat(bundle.warnings()).isEmpty();
  }

  @Test
  void countsEveryEntryOfAFormTheResidentWritesOnPaper() throws Exception {
    FormDefinition notification = FormCatalog.fromClasspath().get("move-in-notification");

    ProcessMetrics visit = metrics.measure(ProcessGraph.read(TestFiles.model("BpmnMetricsTest.bundle.bpmn")).get(0));

    assertThat(visit.residentWrittenFields()).isEqualTo(notification.paperEntries(1))
        .isGreaterThan(notification.residentWrittenFields(1));
    assertThat(visit.signatures()).isEqualTo(notification.signatureFields());
  }

  @ParameterizedTest
  @MethodSource("org.madoguchi.bpr.TestFiles#allForeign")
  void reportsEveryProcessOfAFileFromAnotherTool(Path file) throws Exception {
    assertThat(metrics.measure(file)).isNotEmpty().allSatisfy(process -> {
      assertThat(process.file()).isEqualTo(file.toString());
      assertThat(process.processId()).isNotBlank();
      assertThat(process.residentMoves()).isLessThanOrEqualTo(process.handOffs());
    });
  }

  @Test
  void namesTheProcessesOfACollaborationAfterTheirPools() throws Exception {
    List<ProcessMetrics> processes = metrics.measure(TestFiles.foreign("signavio.bpmn"));

    assertThat(processes).extracting(ProcessMetrics::name).containsExactly("住民", "市役所（転入 as-is）");
    assertThat(processes.get(1)).satisfies(city -> {
      assertThat(city.lanes()).containsExactly("市民課", "保険年金課", "子育て支援課");
      assertThat(city.handOffs()).isEqualTo(2);
      assertThat(city.residentMoves()).isEqualTo(2);
      assertThat(city.stepsPerRole()).containsOnly(Map.entry("市民課", 1), Map.entry("保険年金課", 1),
          Map.entry("子育て支援課", 1));
    });
  }

  @Test
  void placesTheNodesOfASubprocessInTheSubprocesssLane() throws Exception {
    ProcessMetrics process = single("bizagi.bpmn");

    assertThat(process.userTasks()).isEqualTo(4);
    assertThat(process.stepsPerRole()).containsOnly(Map.entry("総合窓口", 2), Map.entry("保険年金課", 2));
    assertThat(process.handOffs()).isEqualTo(2);
    assertThat(process.warnings()).isEmpty();
  }

  @Test
  void countsHandOffsAcrossANodeInNoLaneAndReadsCounterMarksOfAnyNamespace() throws Exception {
    ProcessMetrics process = single("adonis.bpmn");

    assertThat(process.lanes()).containsExactly("市民課 窓口", "市民課 記録係");
    assertThat(process.counterLanes()).containsExactly("市民課 窓口");
    // 申請書と本人確認 → (gateway in no lane) → 照会書の郵送 moves the work to the back office; the resident stays.
    assertThat(process.handOffs()).isEqualTo(1);
    assertThat(process.residentMoves()).isZero();
    assertThat(process.warnings()).singleElement().asString().contains("adonis_gateway_identity");
  }

  @Test
  void readsFormsAndSignaturesOfCamunda7FormReferences() throws Exception {
    ProcessMetrics process = single("camunda-modeler.bpmn");

    assertThat(process.forms()).isEqualTo(3);
    assertThat(process.formIds())
        .containsExactly("move-in-notification", "nhi-enrollment-application", "confirmation-sheet");
    assertThat(process.residentWrittenFields()).isZero();
    assertThat(process.signatures()).isEqualTo(2);
    assertThat(process.warnings()).singleElement().asString()
        .contains("Activity_Confirm", "confirmation-sheet", "not in the form catalog");
    assertThat(process.counterLanes()).containsExactly("総合窓口");
    assertThat(process.handOffs()).isEqualTo(2);
    assertThat(process.residentMoves()).isEqualTo(1);
  }

  @Test
  void countsTheResidentWrittenFieldsOfAFormItIsGiven() throws Exception {
    FormDefinition confirmationSheet = FormDefinition.parse("""
        {"id": "confirmation-sheet", "type": "default", "schemaVersion": 16, "components": [
          {"type": "textfield", "key": "name", "properties": {"source": "resident", "paperItem": "氏名"}},
          {"type": "textfield", "key": "address", "properties": {"source": "resident", "paperItem": "住所"}},
          {"type": "checkbox", "key": "signed", "properties": {"source": "signature"}}]}
        """);
    BpmnMetrics withSheet =
        new BpmnMetrics(FormCatalog.fromClasspath().with(FormCatalog.of(List.of(confirmationSheet))));

    ProcessMetrics process = withSheet.measure(TestFiles.foreign("camunda-modeler.bpmn")).get(0);

    assertThat(process.residentWrittenFields()).isEqualTo(2);
    assertThat(process.signatures()).isEqualTo(3);
    assertThat(process.warnings()).isEmpty();
  }

  @Test
  void readsFormsAndCandidateGroupsOfCamunda8() throws Exception {
    ProcessMetrics process = single("camunda8.bpmn");

    assertThat(process.formIds()).containsExactly("seal-registration-application", "UserTaskForm_note");
    assertThat(process.signatures()).isEqualTo(1);
    assertThat(process.stepsPerRole()).containsOnly(Map.entry("counter", 2), Map.entry("citizens", 1));
  }

  @ParameterizedTest
  @ValueSource(strings = {"bpmn-io.bpmn", "minimal.bpmn"})
  void measuresAProcessWithoutLanesAsNoHandOff(String file) throws Exception {
    ProcessMetrics process = single(file);

    assertThat(process.lanes()).isEmpty();
    assertThat(process.handOffs()).isZero();
    assertThat(process.userTasks()).isEqualTo(1);
    assertThat(process.stepsPerRole()).containsOnly(Map.entry(BpmnMetrics.NO_ROLE, 1));
  }

  @ParameterizedTest
  @CsvSource({
      "notes.txt,            Content is not allowed in prolog",
      "not-bpmn.xml,         html",
      "truncated.bpmn,       must start and end within the same entity",
      "external-entity.bpmn, DOCTYPE is disallowed"})
  void refusesAFileThatIsNotValidBpmnSayingWhy(String file, String why) {
    Path path = TestFiles.invalid(file);

    assertThatThrownBy(() -> metrics.measure(path))
        .isInstanceOfSatisfying(InvalidBpmnException.class, e -> {
          assertThat(e.file()).isEqualTo(path.toString());
          assertThat(e.reason()).startsWith("not valid BPMN 2.0: line ").contains(why).doesNotContain("\n");
        });
  }

  @Test
  void refusesAMissingFile() {
    assertThatThrownBy(() -> metrics.measure(Path.of("no-such-model.bpmn")))
        .isInstanceOfSatisfying(InvalidBpmnException.class,
            e -> assertThat(e.getMessage()).isEqualTo("no-such-model.bpmn: no such file"));
  }

  @ParameterizedTest
  @CsvSource({
      "camunda-forms:deployment:forms/nhi-enrollment-application.form, nhi-enrollment-application",
      "camunda-forms:app:forms/seal-registration-application.form,     seal-registration-application",
      "embedded:app:forms/move-in.html,                                move-in",
      "move-in-notification,                                           move-in-notification"})
  void takesTheFormIdFromAFormKey(String formKey, String formId) {
    assertThat(BpmnMetrics.formIdOfKey(formKey)).isEqualTo(formId);
  }

  private List<ProcessMetrics> measureModel(String resource) throws IOException, InvalidBpmnException {
    try (InputStream model = getClass().getClassLoader().getResourceAsStream(resource)) {
      assertThat(model).as("%s from the madoguchi-processes jar", resource).isNotNull();
      return metrics.measure(model, resource);
    }
  }

  private ProcessGraph readModel(String resource) throws IOException, InvalidBpmnException {
    try (InputStream model = getClass().getClassLoader().getResourceAsStream(resource)) {
      assertThat(model).as("%s from the madoguchi-processes jar", resource).isNotNull();
      return ProcessGraph.read(model, resource).get(0);
    }
  }

  private ProcessMetrics single(String foreignFile) throws InvalidBpmnException {
    List<ProcessMetrics> processes = metrics.measure(TestFiles.foreign(foreignFile));
    assertThat(processes).hasSize(1);
    return processes.get(0);
  }
}
