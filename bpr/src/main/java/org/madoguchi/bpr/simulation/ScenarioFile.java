package org.madoguchi.bpr.simulation;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.madoguchi.bpr.Bundle;
import org.madoguchi.bpr.InvalidBpmnException;
import org.madoguchi.bpr.ProcessGraph;

/**
 * Reads a {@link Scenario} from YAML; model files are named relative to the scenario file. The keys:
 *
 * <pre>
 * name: 転入 as-is                     # what results call it (default: the file name)
 * models: [as-is.bpmn]                 # BPMN files holding the bundle's processes
 * visit: move-in-paper                 # the visit's process id (default: the first process)
 * procedures:                          # the procedures it spawns (default: every other process, share 1)
 *   - {process: nhi-enrollment-paper, share: 0.3}
 * hours: 08:30-17:15
 * arrivals:                            # perHour, or profile with casesPerDay or days
 *   profile: [1.4, 1.3, 1.2, 1.0, 0.9, 1.1, 1.0, 0.8, 0.4]
 *   days: [{label: 3/22(水), cases: 282}]
 * staff: {市民課: 12}
 * serviceTimes:
 *   default: exponential(mean=5m)
 *   tasks: {Task_MoveIn: lognormal(mean=20m, sd=8m)}
 * branchProbabilities: {Flow_Return: 0.1}
 * replications: 20                     # default 20
 * seed: 1                              # default 1
 * queueInterval: 15m                   # default 15m
 * </pre>
 */
public final class ScenarioFile {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final int DEFAULT_REPLICATIONS = 20;
  private static final long DEFAULT_SEED = 1;
  private static final String DEFAULT_QUEUE_INTERVAL = "15m";

  private ScenarioFile() {
  }

  /** The scenario in {@code file}, with its models read. */
  public static Scenario read(Path file) throws InvalidScenarioException, InvalidBpmnException {
    String name = file.toString();
    Document document;
    try (InputStream in = Files.newInputStream(file)) {
      document = YAML.readValue(in, Document.class);
    } catch (UnrecognizedPropertyException e) {
      throw new InvalidScenarioException(name, "unknown key '" + e.getPropertyName()
          + "' (known: " + e.getKnownPropertyIds().stream().map(String::valueOf).sorted()
          .collect(Collectors.joining(", ")) + ")", e);
    } catch (JsonProcessingException e) {
      throw new InvalidScenarioException(name, at(e.getLocation()) + e.getOriginalMessage().lines().findFirst()
          .orElse("not a scenario"), e);
    } catch (NoSuchFileException e) {
      throw new InvalidScenarioException(name, "no such file", e);
    } catch (IOException e) {
      throw new InvalidScenarioException(name, "cannot be read: " + e.getMessage(), e);
    }
    if (document == null) {
      throw new InvalidScenarioException(name, "is empty", null);
    }
    if (document.models() == null || document.models().isEmpty()) {
      throw new InvalidScenarioException(name, "names no models", null);
    }
    Path folder = Optional.ofNullable(file.getParent()).orElse(Path.of(""));
    List<ProcessGraph> processes = new ArrayList<>();
    for (String model : document.models()) {
      Path path = folder.resolve(model).normalize();
      List<ProcessGraph> read = ProcessGraph.read(path);
      if (read.isEmpty()) {
        throw new InvalidScenarioException(name, "model " + path + " holds no process", null);
      }
      processes.addAll(read);
    }
    try {
      return scenario(document, processes, file.getFileName().toString());
    } catch (IllegalArgumentException e) {
      throw new InvalidScenarioException(name, e.getMessage(), e);
    }
  }

  private static Scenario scenario(Document document, List<ProcessGraph> processes, String fileName) {
    Map<String, ProcessGraph> byId = new LinkedHashMap<>();
    processes.forEach(process -> byId.putIfAbsent(process.id(), process));
    ProcessGraph visit = document.visit() == null ? processes.get(0) : process(byId, document.visit());
    List<ProcessGraph> procedures = new ArrayList<>();
    Map<String, Double> shares = new LinkedHashMap<>();
    if (document.procedures() == null) {
      byId.values().stream().filter(process -> process != visit).forEach(procedures::add);
    } else {
      for (ProcedureDocument procedure : document.procedures()) {
        procedures.add(process(byId, procedure.process()));
        if (procedure.share() != null) {
          shares.put(procedure.process(), procedure.share());
        }
      }
    }
    String name = document.name() != null ? document.name() : fileName;
    ServiceTimesDocument times = document.serviceTimes() != null ? document.serviceTimes()
        : new ServiceTimesDocument(null, null);
    Map<String, ServiceTime> taskTimes = new LinkedHashMap<>();
    if (times.tasks() != null) {
      times.tasks().forEach((task, time) -> taskTimes.put(task, serviceTime("task " + task, time)));
    }
    if (document.hours() == null) {
      throw new IllegalArgumentException("gives no hours (write hours: 08:30-17:15)");
    }
    return new Scenario(name, new Bundle(name, visit, procedures), shares, OpeningHours.parse(document.hours()),
        arrivals(document.arrivals()), document.staff() != null ? document.staff() : Map.of(),
        times.defaultTime() != null ? serviceTime("default", times.defaultTime()) : ServiceTime.DEFAULT, taskTimes,
        document.branchProbabilities(),
        document.replications() != null ? document.replications() : DEFAULT_REPLICATIONS,
        document.seed() != null ? document.seed() : DEFAULT_SEED,
        Minutes.parse(document.queueInterval() != null ? document.queueInterval() : DEFAULT_QUEUE_INTERVAL));
  }

  private static Arrivals arrivals(ArrivalsDocument arrivals) {
    if (arrivals == null) {
      throw new IllegalArgumentException("gives no arrivals (perHour, or profile with casesPerDay or days)");
    }
    boolean perHour = arrivals.perHour() != null;
    boolean cases = arrivals.casesPerDay() != null || arrivals.days() != null;
    if (perHour == cases || (cases && arrivals.profile() == null)
        || (arrivals.casesPerDay() != null && arrivals.days() != null) || (perHour && arrivals.profile() != null)) {
      throw new IllegalArgumentException("arrivals need either perHour, or a profile with casesPerDay or with days");
    }
    if (perHour) {
      return new Arrivals.PerHour(arrivals.perHour());
    }
    List<Arrivals.Day> days = arrivals.days() != null
        ? arrivals.days().stream().map(day -> new Arrivals.Day(day.label(), day.cases())).toList()
        : List.of(new Arrivals.Day("day", arrivals.casesPerDay()));
    return new Arrivals.CasesPerDay(arrivals.profile(), days);
  }

  private static ProcessGraph process(Map<String, ProcessGraph> byId, String id) {
    ProcessGraph process = byId.get(id);
    if (process == null) {
      throw new IllegalArgumentException("no process '" + id + "' in the models (they hold "
          + String.join(", ", byId.keySet()) + ")");
    }
    return process;
  }

  private static ServiceTime serviceTime(String what, String text) {
    try {
      return ServiceTime.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("service time of " + what + ": " + e.getMessage(), e);
    }
  }

  private static String at(JsonLocation location) {
    return location == null || location.getLineNr() < 1 ? "" : "line " + location.getLineNr() + ": ";
  }

  private record Document(String name, List<String> models, String visit, List<ProcedureDocument> procedures,
      String hours, ArrivalsDocument arrivals, Map<String, Integer> staff, ServiceTimesDocument serviceTimes,
      Map<String, Double> branchProbabilities, Integer replications, Long seed, String queueInterval) {
  }

  private record ProcedureDocument(String process, Double share) {
  }

  private record ArrivalsDocument(List<Double> perHour, List<Double> profile, Integer casesPerDay,
      List<DayDocument> days) {
  }

  private record DayDocument(String label, Integer cases) {
  }

  private record ServiceTimesDocument(@JsonProperty("default") String defaultTime, Map<String, String> tasks) {
  }
}
