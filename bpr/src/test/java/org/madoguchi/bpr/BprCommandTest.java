package org.madoguchi.bpr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BprCommandTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void printsOneJsonObjectPerProcessOnALineOfItsOwn() throws Exception {
    int status = run("metrics", TestFiles.foreign("signavio.bpmn").toString());

    assertThat(status).isZero();
    assertThat(err()).isEmpty();
    List<JsonNode> processes = jsonLines();
    assertThat(processes).extracting(p -> p.get("processId").asText())
        .containsExactly("sid-process-resident", "sid-process-city");
    assertThat(processes.get(1).fieldNames()).toIterable().containsExactly("file", "processId", "name", "userTasks",
        "lanes", "counterLanes", "handOffs", "residentMoves", "forms", "formIds", "residentWrittenFields",
        "signatures", "stepsPerRole", "warnings");
  }

  @Test
  void measuresEveryFileGiven() throws Exception {
    int status = run("metrics", TestFiles.foreign("minimal.bpmn").toString(),
        TestFiles.foreign("bizagi.bpmn").toString());

    assertThat(status).isZero();
    assertThat(jsonLines()).extracting(p -> p.get("processId").asText()).containsExactly("minimal", "Id_process_city");
  }

  @ParameterizedTest
  @ValueSource(strings = {"notes.txt", "not-bpmn.xml", "truncated.bpmn", "external-entity.bpmn"})
  void exitsWithTwoAndOneLineNamingAFileThatIsNotBpmn(String file) {
    String path = TestFiles.invalid(file).toString();

    int status = run("metrics", path);

    assertThat(status).isEqualTo(BprCommand.INVALID_BPMN);
    assertThat(out()).isEmpty();
    assertThat(err().lines()).singleElement().asString().startsWith("madoguchi-bpr: " + path + ": not valid BPMN 2.0");
  }

  @Test
  void exitsWithTwoAndNamesAMissingFile() {
    int status = run("metrics", "missing/move-in.bpmn");

    assertThat(status).isEqualTo(BprCommand.INVALID_BPMN);
    assertThat(err().lines()).containsExactly("madoguchi-bpr: missing/move-in.bpmn: no such file");
  }

  @Test
  void exitsWithTwoForAFolderGivenAsAFile(@TempDir Path folder) {
    assertThat(run("metrics", folder.toString())).isEqualTo(BprCommand.INVALID_BPMN);
    assertThat(err().lines()).singleElement().asString().contains(folder.toString(), "directory");
  }

  @Test
  void stillMeasuresTheValidFilesWhenOneIsNot() throws Exception {
    String invalid = TestFiles.invalid("notes.txt").toString();

    int status = run("metrics", invalid, TestFiles.foreign("minimal.bpmn").toString());

    assertThat(status).isEqualTo(BprCommand.INVALID_BPMN);
    assertThat(jsonLines()).extracting(p -> p.get("processId").asText()).containsExactly("minimal");
    assertThat(err().lines()).singleElement().asString().contains(invalid);
  }

  @Test
  void readsTheFormsOfAFolderGivenWithForms(@TempDir Path forms) throws Exception {
    Files.writeString(forms.resolve("confirmation-sheet.form"), """
        {"id": "confirmation-sheet", "type": "default", "schemaVersion": 16, "components": [
          {"type": "textfield", "key": "name", "properties": {"source": "resident", "paperItem": "氏名"}}]}
        """);

    int status = run("metrics", "--forms", forms.toString(), TestFiles.foreign("camunda-modeler.bpmn").toString());

    assertThat(status).isZero();
    JsonNode process = jsonLines().get(0);
    assertThat(process.get("residentWrittenFields").intValue()).isEqualTo(1);
    assertThat(process.get("warnings")).isEmpty();
  }

  @Test
  void printsTheBundleOfEveryProcessReadAfterTheProcessesOwnLines() throws Exception {
    int status = run("metrics", "--bundle", "転入", TestFiles.model("BpmnMetricsTest.bundle.bpmn").toString());

    assertThat(status).isZero();
    List<JsonNode> lines = jsonLines();
    assertThat(lines).hasSize(4);
    JsonNode bundle = lines.get(3);
    assertThat(bundle.get("bundle").asText()).isEqualTo("転入");
    assertThat(bundle.get("visit").asText()).isEqualTo("visit");
    assertThat(bundle.get("procedures")).extracting(JsonNode::asText).containsExactly("same-counter", "other-counter");
    assertThat(bundle.get("userTasks").intValue())
        .isEqualTo(lines.subList(0, 3).stream().mapToInt(p -> p.get("userTasks").intValue()).sum());
  }

  @Test
  void printsNoBundleWhenAFileIsNotBpmn() throws Exception {
    int status = run("metrics", "--bundle", "転入", TestFiles.model("BpmnMetricsTest.bundle.bpmn").toString(),
        TestFiles.invalid("notes.txt").toString());

    assertThat(status).isEqualTo(BprCommand.INVALID_BPMN);
    assertThat(jsonLines()).hasSize(3).allSatisfy(line -> assertThat(line.has("processId")).isTrue());
  }

  @Test
  void simulatesAScenarioAsJsonGivingTheSameBytesForTheSameSeed() throws Exception {
    String scenario = TestFiles.simulation("ScenarioFileTest.scenario.yaml").toString();

    int status = run("simulate", scenario);
    byte[] first = out.toByteArray();
    out.reset();
    run("simulate", scenario);

    assertThat(status).isZero();
    assertThat(err()).isEmpty();
    assertThat(out.toByteArray()).isEqualTo(first);
    JsonNode result = new ObjectMapper().readTree(first);
    assertThat(result.fieldNames()).toIterable().containsExactly("scenario", "seed", "replications", "hours", "tasks",
        "residentsPerDay", "waits", "counters", "days", "queueLength", "warnings");
    assertThat(result.get("seed").longValue()).isEqualTo(42);
    assertThat(result.at("/counters/0/counter").asText()).isEqualTo("市民課");
    assertThat(result.at("/waits/average/ci95")).hasSize(2);
    assertThat(result.get("days")).extracting(day -> day.get("label").asText()).containsExactly("3/22(水)", "3/23(木)");
  }

  @Test
  void simulatesAScenarioAsMarkdown() {
    int status = run("simulate", "--format", "markdown",
        TestFiles.simulation("ScenarioFileTest.scenario.yaml").toString());

    assertThat(status).isZero();
    assertThat(out()).startsWith("# 紙の転入\n").contains("| 市民課 | 3 | 543.0 (543.0–543.0) |", "| 3/23(木) | 261 |");
  }

  @Test
  void exitsWithOneNamingAScenarioThatCannotBeSimulated() {
    String scenario = TestFiles.simulation("ScenarioFileTest.misspelt.yaml").toString();

    assertThat(run("simulate", scenario)).isEqualTo(BprCommand.USAGE);
    assertThat(run("simulate", "missing/scenario.yaml")).isEqualTo(BprCommand.USAGE);
    assertThat(err().lines()).containsExactly("madoguchi-bpr: " + scenario + ": unknown key 'staf' (known: arrivals, "
        + "branchProbabilities, hours, models, name, procedures, queueInterval, replications, seed, serviceTimes, "
        + "staff, visit)", "madoguchi-bpr: missing/scenario.yaml: no such file");
    assertThat(out()).isEmpty();
  }

  @Test
  void exitsWithTwoForAScenarioWhoseModelIsNotBpmn() {
    assertThat(run("simulate", TestFiles.simulation("ScenarioFileTest.not-bpmn.yaml").toString()))
        .isEqualTo(BprCommand.INVALID_BPMN);
    assertThat(err().lines()).singleElement().asString().contains("ScenarioFileTest.minimal.yaml", "not valid BPMN");
  }

  @Test
  void writesTheReportADefinitionDescribesAndNamesTheFilesWritten(@TempDir Path folder) throws Exception {
    Files.copy(TestFiles.simulation("SimulationTest.single-counter.bpmn"), folder.resolve("counter.bpmn"));
    Files.writeString(folder.resolve("scenario.yaml"), """
        models: [counter.bpmn]
        hours: 09:00-12:00
        arrivals: {profile: [1], days: [{label: Mon, cases: 20}]}
        staff: {窓口: 1}
        replications: 2
        """);
    String side = """
          label: side
          scenario: scenario.yaml
          counter: 窓口
          measured: {period: once, casesPerDay: 20, averageWait: 5m, maximumWait: 20m}
        """;
    Path definition = folder.resolve("report.yaml");
    Files.writeString(definition, "title: test\noutput: report.md\n"
        + "reference: {name: 市, source: here, writtenEntries: {household: one, before: 3, after: 0}}\n"
        + "asIs:\n" + side + "toBe:\n" + side);

    int status = run("report", definition.toString());

    assertThat(status).isZero();
    assertThat(out().lines()).hasSize(5).first().isEqualTo("wrote " + folder.resolve("report.md"));
    assertThat(folder.resolve("report.md")).content().startsWith("# test\n");
    assertThat(folder.resolve("report-queue.svg")).exists();
  }

  @Test
  void exitsWithOneNamingAReportDefinitionThatCannotBeUsed(@TempDir Path folder) throws Exception {
    Path definition = folder.resolve("report.yaml");
    Files.writeString(definition, "title: test\noutput: report.md\nsides: []\n");

    assertThat(run("report", definition.toString())).isEqualTo(BprCommand.USAGE);
    assertThat(run("report", folder.resolve("missing.yaml").toString())).isEqualTo(BprCommand.USAGE);
    assertThat(err().lines()).containsExactly("madoguchi-bpr: " + definition + ": unknown key 'sides'",
        "madoguchi-bpr: " + folder.resolve("missing.yaml") + ": no such file");
    assertThat(out()).isEmpty();
  }

  @Test
  void explainsItsUsageForAWrongCommandLine() {
    assertThat(run()).isEqualTo(BprCommand.USAGE);
    assertThat(run("simulations", "x.yaml")).isEqualTo(BprCommand.USAGE);
    assertThat(run("metrics")).isEqualTo(BprCommand.USAGE);
    assertThat(run("metrics", "--forms")).isEqualTo(BprCommand.USAGE);
    assertThat(run("metrics", "--forms", "no-such-folder", "x.bpmn")).isEqualTo(BprCommand.USAGE);
    assertThat(run("simulate")).isEqualTo(BprCommand.USAGE);
    assertThat(run("simulate", "--format", "html", "x.yaml")).isEqualTo(BprCommand.USAGE);
    assertThat(run("report")).isEqualTo(BprCommand.USAGE);
    assertThat(err()).contains("usage: java -jar madoguchi-bpr.jar metrics", "unknown command 'simulations'",
        "forms folder no-such-folder does not exist", "no scenario given", "unexpected '--format'",
        "report needs one report definition");
    assertThat(out()).isEmpty();
  }

  private int run(String... args) {
    return BprCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private List<JsonNode> jsonLines() throws IOException {
    ObjectMapper json = new ObjectMapper();
    return out().lines().map(line -> {
      try {
        return json.readTree(line);
      } catch (IOException e) {
        throw new AssertionError("not a JSON line: " + line, e);
      }
    }).toList();
  }
}
