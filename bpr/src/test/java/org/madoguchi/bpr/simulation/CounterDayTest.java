package org.madoguchi.bpr.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.madoguchi.bpr.ProcessGraph;
import org.madoguchi.bpr.simulation.DayOutcome.CounterOutcome;

class CounterDayTest {

  private static final Map<String, ProcessGraph> MODELS = TestScenarios.processes("RoutesTest.paths.bpmn");

  @Test
  void makesTheSecondOfTwoResidentsWaitForTheOnlyStaffMember() {
    Scenario scenario = TestScenarios.scenario(MODELS.get("parallel"), List.of(), Map.of(),
        Map.of("窓口A", 1, "窓口B", 2), Map.of("Parallel_A", new ServiceTime.Fixed(30),
            "Parallel_After", new ServiceTime.Fixed(0)), Map.of());

    DayOutcome day = run(scenario, 0, 0);

    // A: the first is served 0-30 while the second waits. The first goes on to B (2 staff, 8m) 30-38 and comes back
    // to A after the join at 38, where the second is served 30-60: a wait of 22. The second is at B 60-68, at A 68.
    CounterOutcome a = day.counters().get("窓口A");
    assertThat(a.visits()).isEqualTo(4);
    assertThat(a.waitSum()).isEqualTo(30 + 22);
    assertThat(a.waitMax()).isEqualTo(30);
    assertThat(day.counters().get("窓口B").waitSum()).isZero();
    assertThat(day.residents()).isEqualTo(2);
    assertThat(day.waitMax()).isEqualTo(30);
    assertThat(day.waitSum()).isEqualTo(52);
    // In quarter hours from opening until the last resident left at 68: one waits 0-30, one 38-60.
    assertThat(a.queueLength()).containsExactly(1, 1, 7.0 / 15, 1, 0);
    assertThat(a.busyMinutes()).isEqualTo(60);
    assertThat(a.availableMinutes()).isEqualTo(68);
  }

  @Test
  void addsUpAResidentsWaitsAtEveryCounterOfTheRoute() {
    Scenario scenario = TestScenarios.scenario(MODELS.get("counters"), Map.of("市民課", 1, "保険年金課", 1));

    DayOutcome day = run(scenario, 0, 0);

    // The first: 市民課 0-3, 保険年金課 3-7, writing 7-10, 市民課 10-18. The second waits at 市民課 0-3, at 保険年金課
    // 6-7, writes 11-14 and waits at 市民課 14-18.
    assertThat(day.waitSum()).isEqualTo(3 + 1 + 4);
    assertThat(day.waitMax()).isEqualTo(8);
    assertThat(day.counters().get("市民課").visits()).isEqualTo(4);
    assertThat(day.counters().get("市民課").waitSum()).isEqualTo(7);
    // Staff are there for the opening hour; the last resident leaves at 26.
    assertThat(day.counters().get("保険年金課").availableMinutes()).isEqualTo(60);
    assertThat(day.counters().get("保険年金課").busyMinutes()).isEqualTo(8);
  }

  private static DayOutcome run(Scenario scenario, double... arrivals) {
    return CounterDay.run(scenario, new Routes(scenario), arrivals, new SplittableRandom(1), new LinkedHashSet<>());
  }
}
