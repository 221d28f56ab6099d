package org.madoguchi.bpr.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.madoguchi.bpr.simulation.Estimate;

class BprReportTest {

  /** The committed report, seen from the bpr module (where Maven runs its tests). */
  private static final Path MOVE_IN = Path.of("..", "docs", "bpr", "move-in", "report.yaml");

  /** Generated once: it simulates both scenarios and, for the sensitivity table, four variants of them. */
  private static Map<Path, String> generated;

  @BeforeAll
  static void generateTheMoveInReport() throws Exception {
    generated = BprReport.render(MOVE_IN);
  }

  @Test
  void theCommittedMoveInReportIsWhatTheToolGenerates() throws Exception {
    for (Map.Entry<Path, String> file : generated.entrySet()) {
      assertThat(file.getKey()).exists();
      assertThat(Files.readString(file.getKey(), StandardCharsets.UTF_8))
          .as("%s differs from what the tool generates: run java -jar bpr/target/madoguchi-bpr.jar report "
              + "docs/bpr/move-in/report.yaml and commit the result", file.getKey())
          .isEqualTo(file.getValue());
    }
    // A chart the report no longer generates must not linger beside it.
    try (Stream<Path> charts = Files.list(MOVE_IN.getParent())) {
      assertThat(charts.filter(path -> path.toString().endsWith(".svg")))
          .containsExactlyInAnyOrderElementsOf(generated.keySet().stream()
              .filter(path -> path.toString().endsWith(".svg")).toList());
    }
  }

  @Test
  void drawsChartsThatAreWellFormedSvgAndLinksEachFromTheReport() throws Exception {
    String markdown = generated.get(MOVE_IN.getParent().resolve("report.md"));

    assertThat(generated.keySet()).hasSize(5);
    for (Map.Entry<Path, String> file : generated.entrySet()) {
      if (file.getKey().toString().endsWith(".svg")) {
        assertThat(markdown).contains("](" + file.getKey().getFileName() + ")");
        assertThat(DocumentBuilderFactory.newInstance().newDocumentBuilder()
            .parse(new ByteArrayInputStream(file.getValue().getBytes(StandardCharsets.UTF_8)))
            .getDocumentElement().getTagName()).isEqualTo("svg");
      }
    }
  }

  @Test
  void saysWhetherAMeasurementLiesInTheSimulationsInterval() {
    Estimate simulated = new Estimate(29.2, 28.3, 30.1);

    assertThat(BprReport.verdict("to-be", simulated, 29, "鹿児島市"))
        .isEqualTo("to-be: 鹿児島市's 29 minutes lie within the simulation's 95% interval, 29.2 (28.3–30.1).");
    assertThat(BprReport.verdict("to-be", simulated, 23, "鹿児島市"))
        .isEqualTo("to-be: the simulation's 29.2 minutes are 6.2 minutes (27%) above 鹿児島市's 23.");
    assertThat(BprReport.verdict("to-be", simulated, 40, "鹿児島市")).contains("10.8 minutes (27%) below");
    assertThat(BprReport.change(58, 23)).isEqualTo("−60% (58 → 23 minutes)");
  }

  @Test
  void refusesAMeasuredDayOrACounterTheScenarioDoesNotHave(@TempDir Path folder) throws Exception {
    Files.copy(simulationResource("SimulationTest.single-counter.bpmn"), folder.resolve("counter.bpmn"));
    Files.writeString(folder.resolve("scenario.yaml"), """
        models: [counter.bpmn]
        hours: 09:00-12:00
        arrivals: {profile: [1], days: [{label: Mon, cases: 20}]}
        staff: {窓口: 1}
        replications: 2
        """);
    Path report = folder.resolve("report.yaml");

    Files.writeString(report, definition("窓口", "Tue"));
    assertThatThrownBy(() -> BprReport.render(report)).isInstanceOfSatisfying(InvalidReportException.class,
        e -> assertThat(e.reason()).isEqualTo("measured day 'Tue' is not a day of scenario.yaml"));

    Files.writeString(report, definition("市民課", "Mon"));
    assertThatThrownBy(() -> BprReport.render(report)).isInstanceOfSatisfying(InvalidReportException.class,
        e -> assertThat(e.reason()).isEqualTo("counter '市民課' is not one of scenario.yaml's: 窓口"));

    Files.writeString(report, definition("窓口", "Mon"));
    assertThat(BprReport.write(report)).extracting(path -> path.getFileName().toString())
        .containsExactly("report.md", "report-wait.svg", "report-days-as-is.svg", "report-days-to-be.svg",
            "report-queue.svg");
  }

  private static String definition(String counter, String day) {
    String side = String.join("\n", List.of(
        "  label: side",
        "  scenario: scenario.yaml",
        "  counter: " + counter,
        "  measured: {period: once, casesPerDay: 20, averageWait: 5m, maximumWait: 20m,",
        "             days: {" + day + ": {average: 5m, maximum: 20m}}}"));
    return "title: test\noutput: report.md\n"
        + "reference: {name: 市, source: here, writtenEntries: {household: one, before: 3, after: 0}}\n"
        + "asIs:\n" + side + "\ntoBe:\n" + side + "\n";
  }

  private static Path simulationResource(String name) throws URISyntaxException {
    return Path.of(BprReportTest.class.getResource("/org/madoguchi/bpr/simulation/" + name).toURI());
  }
}
