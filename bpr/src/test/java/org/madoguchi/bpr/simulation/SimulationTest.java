package org.madoguchi.bpr.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.madoguchi.bpr.Bundle;
import org.madoguchi.bpr.InvalidBpmnException;
import org.madoguchi.bpr.ProcessGraph;

class SimulationTest {

  /** A long day, so that the empty counter at opening weighs little against the steady state theory describes. */
  private static final double LONG_DAY_MINUTES = 10_000;

  @ParameterizedTest
  @CsvSource({
      "1,  8, 5",
      "3, 30, 5",
      "5, 48, 5"})
  void givesTheErlangCMeanWaitForPoissonArrivalsAndExponentialService(int staff, double perHour, double serviceMean)
      throws Exception {
    double expected = erlangCMeanWait(staff, perHour / 60, 1 / serviceMean);

    SimulationResult result = Simulation.run(singleCounter(staff, perHour, new ServiceTime.Exponential(serviceMean),
        20, 7));

    Estimate wait = result.counter("窓口").waits().average();
    assertThat(wait.contains(expected)).as("Erlang C %.2f min in %s", expected, wait).isTrue();
  }

  @Test
  void givesTheSameResultForTheSameSeedAndAnotherForAnother() throws Exception {
    Scenario scenario = ScenarioFile.read(TestScenarios.resource("ScenarioFileTest.scenario.yaml"));
    Scenario reseeded = new Scenario(scenario.name(), scenario.bundle(), scenario.procedureShares(), scenario.hours(),
        scenario.arrivals(), scenario.staff(), scenario.defaultServiceTime(), scenario.serviceTimes(),
        scenario.branchProbabilities(), scenario.replications(), scenario.seed() + 1,
        scenario.queueIntervalMinutes());

    SimulationResult result = Simulation.run(scenario);

    assertThat(Simulation.run(scenario)).isEqualTo(result);
    assertThat(Simulation.run(reseeded).waits()).isNotEqualTo(result.waits());
  }

  @Test
  void reportsEveryDayAndEveryCounterOfTheScenario() throws Exception {
    Scenario scenario = ScenarioFile.read(TestScenarios.resource("ScenarioFileTest.scenario.yaml"));

    SimulationResult result = Simulation.run(scenario);

    // Each day sends exactly its cases, so the residents per day do not vary between replications.
    assertThat(result.residentsPerDay()).isEqualTo(new Estimate(271.5, 271.5, 271.5));
    assertThat(result.days()).extracting(SimulationResult.DayResult::label).containsExactly("3/22(水)", "3/23(木)");
    assertThat(result.counters()).extracting(SimulationResult.CounterResult::counter)
        .containsExactly("市民課", "保険年金課", "判断");
    // Everyone goes to 市民課 twice (before and after writing the seal form) and to 保険年金課 once.
    assertThat(result.counter("市民課").visitsPerDay().mean()).isEqualTo(2 * 271.5);
    assertThat(result.counter("保険年金課").visitsPerDay().mean()).isEqualTo(271.5);
    assertThat(result.counter("判断").visitsPerDay().mean()).isBetween(0.2 * 271.5, 0.3 * 271.5);
    assertThat(result.tasks()).extracting(SimulationResult.TaskResult::task, SimulationResult.TaskResult::counter,
        SimulationResult.TaskResult::serviceTime).containsExactly(
            tuple("Counters_Check", "市民課", "fixed(1m)"),
            tuple("Counters_Register", "市民課", "fixed(2m)"),
            tuple("Counters_Nhi", "保険年金課", "lognormal(mean=10m, sd=4m)"),
            tuple("Counters_Write", null, "fixed(3m)"),
            tuple("Counters_Seal", "市民課", "exponential(mean=6m)"),
            tuple("Decision_More", "判断", "fixed(1m)"));
    assertThat(result.queueLength().times()).startsWith("08:30", "09:00", "09:30");
    assertThat(result.queueLength().counters().get("市民課")).hasSameSizeAs(result.queueLength().times());
    assertThat(result.counters()).allSatisfy(counter -> assertThat(counter.utilisation().mean()).isBetween(0.0, 1.0));
  }

  /**
   * The mean wait in queue of an M/M/c system (Erlang's C formula): the probability that an arriving resident
   * waits, divided by the rate at which the queue empties.
   */
  private static double erlangCMeanWait(int servers, double arrivalRate, double serviceRate) {
    double offered = arrivalRate / serviceRate;
    double utilisation = offered / servers;
    double term = 1;
    double belowServers = 1;
    for (int k = 1; k < servers; k++) {
      term *= offered / k;
      belowServers += term;
    }
    double allBusy = term * offered / servers / (1 - utilisation);
    double waitProbability = allBusy / (belowServers + allBusy);
    return waitProbability / (servers * serviceRate - arrivalRate);
  }

  private static Scenario singleCounter(int staff, double perHour, ServiceTime service, int replications, long seed)
      throws InvalidBpmnException, URISyntaxException {
    ProcessGraph counter = ProcessGraph.read(model("SimulationTest.single-counter.bpmn")).get(0);
    return new Scenario("M/M/" + staff, new Bundle("M/M/" + staff, counter, List.of()), Map.of(),
        new OpeningHours(LocalTime.MIDNIGHT, LONG_DAY_MINUTES), new Arrivals.PerHour(List.of(perHour)),
        Map.of("窓口", staff), service, Map.of(), Map.of(), replications, seed, 60);
  }

  private static Path model(String name) throws URISyntaxException {
    return Path.of(SimulationTest.class.getResource(name).toURI());
  }
}
