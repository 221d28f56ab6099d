package org.madoguchi.bpr.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.madoguchi.bpr.InvalidBpmnException;
import org.madoguchi.bpr.ProcessGraph;

class ScenarioFileTest {

  @Test
  void readsEveryKeyAndTheModelsBesideTheScenario() throws Exception {
    Scenario scenario = ScenarioFile.read(TestScenarios.resource("ScenarioFileTest.scenario.yaml"));

    assertThat(scenario.name()).isEqualTo("紙の転入");
    assertThat(scenario.bundle().visit().id()).isEqualTo("counters");
    assertThat(scenario.bundle().procedures()).extracting(ProcessGraph::id).containsExactly("decision");
    assertThat(scenario.procedureShares()).containsEntry("decision", 0.5);
    assertThat(scenario.hours()).isEqualTo(new OpeningHours(LocalTime.of(8, 30), 525));
    assertThat(scenario.arrivals().days()).extracting(Arrivals.Day::label, Arrivals.Day::cases)
        .containsExactly(tuple("3/22(水)", 282),
            tuple("3/23(木)", 261));
    assertThat(scenario.arrivals().hourly()).hasSize(9).first().isEqualTo(1.4);
    assertThat(scenario.staff()).containsExactly(Map.entry("市民課", 3),
        Map.entry("保険年金課", 2), Map.entry("判断", 1));
    assertThat(scenario.defaultServiceTime()).isEqualTo(new ServiceTime.Exponential(6));
    assertThat(scenario.serviceTimes()).containsEntry("Counters_Nhi", new ServiceTime.LogNormal(10, 4));
    assertThat(scenario.branchProbabilities()).containsEntry("Decision_More_Flow", 0.5);
    assertThat(scenario.replications()).isEqualTo(5);
    assertThat(scenario.seed()).isEqualTo(42);
    assertThat(scenario.queueIntervalMinutes()).isEqualTo(30);
  }

  @Test
  void fillsInWhatAScenarioLeavesOut() throws Exception {
    Scenario scenario = ScenarioFile.read(TestScenarios.resource("ScenarioFileTest.minimal.yaml"));

    assertThat(scenario.name()).isEqualTo("ScenarioFileTest.minimal.yaml");
    assertThat(scenario.bundle().visit().id()).isEqualTo("single-counter");
    assertThat(scenario.bundle().procedures()).isEmpty();
    assertThat(scenario.defaultServiceTime()).isEqualTo(ServiceTime.DEFAULT);
    assertThat(scenario.replications()).isEqualTo(20);
    assertThat(scenario.seed()).isEqualTo(1);
    assertThat(scenario.queueIntervalMinutes()).isEqualTo(15);
  }

  @Test
  void namesAnUnknownKeyAndTheKnownKeys() {
    assertThatThrownBy(() -> ScenarioFile.read(TestScenarios.resource("ScenarioFileTest.misspelt.yaml")))
        .isInstanceOfSatisfying(InvalidScenarioException.class, e -> {
          assertThat(e.file()).endsWith("ScenarioFileTest.misspelt.yaml");
          assertThat(e.reason()).startsWith("unknown key 'staf'").contains("staff", "arrivals");
        });
  }

  @Test
  void refusesAModelThatIsNotBpmnNamingIt() {
    assertThatThrownBy(() -> ScenarioFile.read(TestScenarios.resource("ScenarioFileTest.not-bpmn.yaml")))
        .isInstanceOfSatisfying(InvalidBpmnException.class,
            e -> assertThat(e.file()).endsWith("ScenarioFileTest.minimal.yaml"));
  }

  @Test
  void saysWhatIsWrongWithAValue(@TempDir Path folder) throws Exception {
    Files.copy(TestScenarios.resource("SimulationTest.single-counter.bpmn"), folder.resolve("counter.bpmn"));
    Path scenario = folder.resolve("scenario.yaml");

    Files.writeString(scenario, """
        models: [counter.bpmn]
        hours: 09:00-12:00
        arrivals: {profile: [1, 2], casesPerDay: 30}
        staff: {窓口: 1}
        """);
    assertThatThrownBy(() -> ScenarioFile.read(scenario)).isInstanceOf(InvalidScenarioException.class)
        .hasMessageContaining("09:00-12:00 have 3 hours");

    Files.writeString(scenario, """
        models: [counter.bpmn]
        visit: move-in
        hours: 09:00-12:00
        arrivals: {perHour: [10]}
        staff: {窓口: 1}
        """);
    assertThatThrownBy(() -> ScenarioFile.read(scenario)).isInstanceOf(InvalidScenarioException.class)
        .hasMessageContaining("no process 'move-in' in the models (they hold single-counter)");

    Files.writeString(scenario, """
        models: [counter.bpmn]
        hours: 09:00-12:00
        arrivals: {perHour: [10], casesPerDay: 30}
        staff: {窓口: 1}
        """);
    assertThatThrownBy(() -> ScenarioFile.read(scenario)).isInstanceOf(InvalidScenarioException.class)
        .hasMessageContaining("either perHour, or a profile with casesPerDay or with days");

    Files.writeString(scenario, """
        models: [counter.bpmn]
        hours: 09:00-12:00
        arrivals: {perHour: [10]}
        staff: {窓口: 1}
        serviceTimes: {default: normal(mean=3m)}
        """);
    assertThatThrownBy(() -> ScenarioFile.read(scenario)).isInstanceOf(InvalidScenarioException.class)
        .hasMessageContaining("service time of default: not a service time: 'normal(mean=3m)'");
  }
}
