package org.madoguchi.bpr.simulation;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.madoguchi.bpr.Bundle;
import org.madoguchi.bpr.InvalidBpmnException;
import org.madoguchi.bpr.ProcessGraph;

/** Scenarios over the models in this package's test resources, built in code. */
final class TestScenarios {

  private TestScenarios() {
  }

  /** A file of this package's test resources. */
  static Path resource(String name) {
    try {
      return Path.of(TestScenarios.class.getResource(name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalArgumentException("no test resource " + name, e);
    }
  }

  /** The processes of a model in this package's test resources, by id. */
  static Map<String, ProcessGraph> processes(String model) {
    Map<String, ProcessGraph> byId = new LinkedHashMap<>();
    try {
      ProcessGraph.read(resource(model)).forEach(process -> byId.put(process.id(), process));
    } catch (InvalidBpmnException e) {
      throw new IllegalStateException(model, e);
    }
    return byId;
  }

  /** An hour from 09:00 with ten residents, the given bundle, staff and times; by default a task takes 8 minutes. */
  static Scenario scenario(ProcessGraph visit, List<ProcessGraph> procedures, Map<String, Double> shares,
      Map<String, Integer> staff, Map<String, ServiceTime> serviceTimes, Map<String, Double> probabilities) {
    return new Scenario("test", new Bundle("test", visit, procedures), shares,
        new OpeningHours(LocalTime.of(9, 0), 60),
        new Arrivals.CasesPerDay(List.of(1.0), List.of(new Arrivals.Day("day", 10))), staff,
        new ServiceTime.Fixed(8), serviceTimes, probabilities, 2, 1, 15);
  }

  /** {@link #scenario} with nothing overridden. */
  static Scenario scenario(ProcessGraph visit, Map<String, Integer> staff) {
    return scenario(visit, List.of(), Map.of(), staff, Map.of(), Map.of());
  }
}
