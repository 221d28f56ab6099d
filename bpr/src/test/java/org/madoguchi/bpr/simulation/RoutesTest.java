package org.madoguchi.bpr.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.madoguchi.bpr.ProcessGraph;

class RoutesTest {

  private static final Map<String, ProcessGraph> MODELS = TestScenarios.processes("RoutesTest.paths.bpmn");
  private static final Map<String, Integer> PAPER_STAFF = Map.of("市民課", 1, "保険年金課", 1);

  private final SplittableRandom random = new SplittableRandom(1);
  private final Set<String> warnings = new LinkedHashSet<>();

  @Test
  void servesTasksInARowAtOneCounterAsOneStopAndQueuesAgainAfterTheResidentsOwnTime() {
    Routes routes = new Routes(TestScenarios.scenario(MODELS.get("counters"), PAPER_STAFF));

    // 確認 1m + 入力 2m at 市民課; 国保 4m at 保険年金課; 決裁 in the back office takes the resident no time; writing
    // the seal form is their own 3m; 印鑑登録 declares no time, so the scenario's default 8m.
    assertThat(routes.draw(random, warnings)).containsExactly(new Stop("市民課", 3), new Stop("保険年金課", 4),
        new Stop(null, 3), new Stop("市民課", 8));
    assertThat(warnings).isEmpty();
  }

  @Test
  void takesTheScenariosServiceTimeOverTheModels() {
    Routes routes = new Routes(TestScenarios.scenario(MODELS.get("counters"), List.of(), Map.of(), PAPER_STAFF,
        Map.of("Counters_Nhi", new ServiceTime.Fixed(16)), Map.of()));

    assertThat(routes.draw(random, warnings)).contains(new Stop("保険年金課", 16));
  }

  @Test
  void goesThroughParallelBranchesOneAfterAnotherAndOnAfterBoth() {
    Routes routes = new Routes(TestScenarios.scenario(MODELS.get("parallel"), Map.of("窓口A", 1, "窓口B", 1)));

    assertThat(routes.draw(random, warnings))
        .containsExactly(new Stop("窓口A", 8), new Stop("窓口B", 8), new Stop("窓口A", 8));
  }

  @Test
  void takesAFlowAsOftenAsItsProbabilitySaysAndNamesTheCounterOfAProcessWithoutLanesAfterIt() {
    Routes fromModel = new Routes(TestScenarios.scenario(MODELS.get("decision"), Map.of("判断", 1)));
    Routes fromScenario = new Routes(TestScenarios.scenario(MODELS.get("decision"), List.of(), Map.of(),
        Map.of("判断", 1), Map.of(), Map.of("Decision_More_Flow", 0.75)));

    // 20,000 residents: the share is within 0.015 of the probability unless something is wrong (5 standard errors).
    assertThat(shareWithStops(fromModel, 20_000)).isCloseTo(0.25, within(0.015));
    assertThat(shareWithStops(fromScenario, 20_000)).isCloseTo(0.75, within(0.015));
    assertThat(fromModel.draw(new SplittableRandom(3), warnings)).allMatch(stop -> stop.counter().equals("判断"));
  }

  @Test
  void sendsAShareOfResidentsThroughEachProcedure() {
    Map<String, Integer> staff = Map.of("窓口A", 1, "窓口B", 1, "市民課", 1, "保険年金課", 1);
    Routes never = new Routes(TestScenarios.scenario(MODELS.get("parallel"), List.of(MODELS.get("counters")),
        Map.of("counters", 0.0), staff, Map.of(), Map.of()));
    Routes sometimes = new Routes(TestScenarios.scenario(MODELS.get("parallel"), List.of(MODELS.get("counters")),
        Map.of("counters", 0.3), staff, Map.of(), Map.of()));

    assertThat(never.draw(random, warnings)).hasSize(3);
    double withProcedure = 0;
    for (int i = 0; i < 20_000; i++) {
      withProcedure += sometimes.draw(random, warnings).size() > 3 ? 1 : 0;
    }
    assertThat(withProcedure / 20_000).isCloseTo(0.3, within(0.02));
  }

  @Test
  void cutsAWalkWhoseLoopNeverEnds() {
    Routes routes = new Routes(TestScenarios.scenario(MODELS.get("endless"), Map.of("終わらない", 1)));

    assertThat(routes.draw(random, warnings)).singleElement().isEqualTo(new Stop("終わらない", 0));
    assertThat(warnings).singleElement().asString().contains("endless", "cut after " + Routes.MAX_STEPS);
  }

  @Test
  void refusesAScenarioWithoutStaffForACounterOfTheBundle() {
    Scenario scenario = TestScenarios.scenario(MODELS.get("counters"), Map.of("市民課", 2));

    assertThatThrownBy(() -> new Routes(scenario)).hasMessageContaining("no staff for counter '保険年金課'");
  }

  @Test
  void refusesAScenarioNamingWhatTheBundleDoesNotHave() {
    ProcessGraph counters = MODELS.get("counters");

    assertThatThrownBy(() -> new Routes(TestScenarios.scenario(counters, List.of(), Map.of(), PAPER_STAFF,
        Map.of("Counters_Nope", new ServiceTime.Fixed(1)), Map.of())))
        .hasMessageContaining("service time for 'Counters_Nope', which is no task");
    assertThatThrownBy(() -> new Routes(TestScenarios.scenario(counters, List.of(), Map.of(), PAPER_STAFF,
        Map.of(), Map.of("Flow_Nope", 0.5))))
        .hasMessageContaining("probability for 'Flow_Nope', which is no sequence flow");
    assertThatThrownBy(() -> new Routes(TestScenarios.scenario(counters, List.of(), Map.of("decision", 0.5),
        PAPER_STAFF, Map.of(), Map.of())))
        .hasMessageContaining("share for 'decision', which is no procedure");
    assertThatThrownBy(() -> new Routes(TestScenarios.scenario(counters,
        Map.of("市民課", 1, "保険年金課", 1, "子育て支援課", 1))))
        .hasMessageContaining("staff for '子育て支援課', which is no counter");
  }

  private double shareWithStops(Routes routes, int residents) {
    int withStops = 0;
    for (int i = 0; i < residents; i++) {
      withStops += routes.draw(random, warnings).isEmpty() ? 0 : 1;
    }
    return (double) withStops / residents;
  }
}
