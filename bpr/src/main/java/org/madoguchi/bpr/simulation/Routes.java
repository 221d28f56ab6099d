package org.madoguchi.bpr.simulation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.ComplexGateway;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.InclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.ParallelGateway;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.madoguchi.bpr.ProcessGraph;

/**
 * How residents go through a scenario's bundle, read from its models: the visit, then each procedure a resident's
 * case spawns (drawn from its share). Walking a process follows its sequence flows: a decision gateway (exclusive,
 * inclusive, event-based, complex) takes one outgoing flow, drawn from the flows' probabilities; any other node
 * with several outgoing flows starts parallel branches, which the resident — who can be at one counter only — goes
 * through one after another; a parallel gateway with several incoming flows waits for all of them.
 *
 * <p>A user task in a counter lane is served at that counter (a process without lanes is one counter, named after
 * the process). Any other task takes the resident's own time only when it declares a service time (writing a form
 * at the desk); otherwise it happens without them (back-office work, system calls). Boundary events and event
 * subprocesses are never taken.
 */
final class Routes {

  /** A walk of one process stops after this many nodes: a loop whose way out is never drawn would not end. */
  static final int MAX_STEPS = 10_000;

  private final List<ProcessPlan> plans = new ArrayList<>();
  private final double[] shares;
  private final List<String> warnings = new ArrayList<>();

  Routes(Scenario scenario) {
    List<ProcessGraph> processes = scenario.bundle().processes();
    Set<String> tasks = new LinkedHashSet<>();
    Set<String> flows = new LinkedHashSet<>();
    Set<String> counters = new LinkedHashSet<>();
    for (ProcessGraph process : processes) {
      ProcessPlan plan = new ProcessPlan(process, scenario, warnings);
      plans.add(plan);
      process.nodes().stream().filter(node -> node instanceof Task || node instanceof CallActivity)
          .forEach(task -> tasks.add(task.getId()));
      process.flows().forEach(flow -> flows.add(flow.getId()));
      plan.work.values().stream().map(Work::counter).filter(Objects::nonNull).forEach(counters::add);
    }
    unknown(scenario.serviceTimes().keySet(), tasks, "a service time for", "task");
    unknown(scenario.branchProbabilities().keySet(), flows, "a probability for", "sequence flow");
    unknown(scenario.procedureShares().keySet(),
        new LinkedHashSet<>(scenario.bundle().procedures().stream().map(ProcessGraph::id).toList()),
        "a share for", "procedure");
    unknown(scenario.staff().keySet(), counters, "staff for", "counter");
    for (String counter : counters) {
      if (!scenario.staff().containsKey(counter)) {
        throw new IllegalArgumentException("the scenario gives no staff for counter '" + counter
            + "' (the bundle's counters: " + String.join(", ", counters) + ")");
      }
    }
    shares = new double[processes.size()];
    for (int i = 0; i < processes.size(); i++) {
      shares[i] = i == 0 ? 1 : scenario.procedureShares().getOrDefault(processes.get(i).id(), 1.0);
    }
  }

  /** Every task that takes a resident's time, process by process in the bundle's order, with where and how long. */
  List<SimulationResult.TaskResult> tasks() {
    List<SimulationResult.TaskResult> tasks = new ArrayList<>();
    for (ProcessPlan plan : plans) {
      plan.work.forEach((id, work) -> tasks.add(new SimulationResult.TaskResult(plan.process.id(), id,
          plan.process.node(id).map(FlowNode::getName).orElse(null), work.counter(), work.time().text())));
    }
    return tasks;
  }

  /** What reading the models found worth saying: probabilities that do not add up, for instance. */
  List<String> warnings() {
    return warnings;
  }

  /** One resident's stops, consecutive tasks at the same counter served as one. */
  List<Stop> draw(RandomGenerator random, Set<String> walkWarnings) {
    List<Stop> stops = new ArrayList<>();
    for (int i = 0; i < plans.size(); i++) {
      if (random.nextDouble() < shares[i]) {
        plans.get(i).walk(random, stops, walkWarnings);
      }
    }
    List<Stop> merged = new ArrayList<>();
    for (Stop stop : stops) {
      Stop last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (last != null && stop.counter() != null && stop.counter().equals(last.counter())) {
        merged.set(merged.size() - 1, new Stop(stop.counter(), last.minutes() + stop.minutes()));
      } else {
        merged.add(stop);
      }
    }
    return merged;
  }

  private static void unknown(Set<String> given, Set<String> known, String what, String kind) {
    for (String key : given) {
      if (!known.contains(key)) {
        throw new IllegalArgumentException("the scenario gives " + what + " '" + key + "', which is no " + kind
            + " of the bundle");
      }
    }
  }

  /**
   * One process made ready to walk: the work of each node and the odds of each decision, by node index (document
   * order), so that a walk looks nothing up by id.
   */
  private static final class ProcessPlan {

    final ProcessGraph process;
    final List<FlowNode> nodes;
    /** The work of each node that takes a resident's time, by node id, in document order. */
    final Map<String, Work> work = new LinkedHashMap<>();
    private final Work[] workAt;
    /** For each decision node, the cumulative probabilities of its outgoing flows; null for other nodes. */
    private final double[][] decisions;
    /** The nodes each node's outgoing flows lead to (flows to nothing left out). */
    private final int[][] targets;
    /** For a parallel gateway with several incoming flows, how many; 0 for other nodes. */
    private final int[] joinWidth;
    /** Where a walk of each subprocess starts, for subprocess nodes; null for other nodes. */
    private final int[][] subProcessEntries;
    private final int[] processEntries;

    ProcessPlan(ProcessGraph process, Scenario scenario, List<String> warnings) {
      this.process = process;
      this.nodes = List.copyOf(process.nodes());
      int count = nodes.size();
      Map<String, Integer> index = new HashMap<>();
      for (int i = 0; i < count; i++) {
        index.put(nodes.get(i).getId(), i);
      }
      workAt = new Work[count];
      decisions = new double[count][];
      targets = new int[count][];
      joinWidth = new int[count];
      subProcessEntries = new int[count][];
      for (int i = 0; i < count; i++) {
        FlowNode node = nodes.get(i);
        ServiceTime declared = declaredTime(node, scenario);
        Optional<String> counter = node instanceof UserTask ? counterOf(node.getId()) : Optional.empty();
        if (counter.isPresent()) {
          workAt[i] = new Work(counter.get(), declared != null ? declared : scenario.defaultServiceTime());
        } else if (declared != null) {
          workAt[i] = new Work(null, declared);
        }
        if (workAt[i] != null) {
          work.put(node.getId(), workAt[i]);
        }
        List<SequenceFlow> outgoing = process.outgoing(node.getId()).stream()
            .filter(flow -> index.containsKey(ProcessGraph.target(flow))).toList();
        targets[i] = outgoing.stream().mapToInt(flow -> index.get(ProcessGraph.target(flow))).toArray();
        if (isDecision(node) && outgoing.size() > 1) {
          decisions[i] = cumulative(node, outgoing, scenario, warnings);
        }
        if (node instanceof ParallelGateway && process.incomingCount(node.getId()) > 1) {
          joinWidth[i] = process.incomingCount(node.getId());
        }
        if (node instanceof SubProcess) {
          subProcessEntries[i] = entries(node.getId(), index);
        }
      }
      processEntries = entries(null, index);
    }

    /** The scenario's time for the task, else the one its model declares, else none. */
    private ServiceTime declaredTime(FlowNode node, Scenario scenario) {
      if (!(node instanceof Task) && !(node instanceof CallActivity)) {
        return null;
      }
      ServiceTime override = scenario.serviceTimes().get(node.getId());
      if (override != null) {
        return override;
      }
      String property = ProcessGraph.extensionProperties(node).get(ServiceTime.PROPERTY);
      if (property == null) {
        return null;
      }
      try {
        return ServiceTime.parse(property);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(process.file() + ": task " + node.getId() + ": " + e.getMessage(), e);
      }
    }

    /** The counter a user task is served at: its lane when that is a counter; none in a lane that is not. */
    private Optional<String> counterOf(String nodeId) {
      Optional<Lane> lane = process.laneOf(nodeId);
      if (lane.isEmpty()) {
        return Optional.of(process.displayName());
      }
      return process.isCounter(lane.get()) ? Optional.of(ProcessGraph.nameOf(lane.get())) : Optional.empty();
    }

    private static boolean isDecision(FlowNode node) {
      return node instanceof ExclusiveGateway || node instanceof InclusiveGateway
          || node instanceof EventBasedGateway || node instanceof ComplexGateway;
    }

    /**
     * The flows' probabilities from the scenario, else from the flows' {@value Scenario#PROBABILITY_PROPERTY}; the
     * flows given none share what is left equally. Probabilities that do not add up to 1 are used in proportion.
     */
    private double[] cumulative(FlowNode node, List<SequenceFlow> outgoing, Scenario scenario, List<String> warnings) {
      Double[] given = new Double[outgoing.size()];
      double givenSum = 0;
      int unspecified = 0;
      for (int i = 0; i < given.length; i++) {
        SequenceFlow flow = outgoing.get(i);
        given[i] = scenario.branchProbabilities().get(flow.getId());
        String property = ProcessGraph.extensionProperties(flow).get(Scenario.PROBABILITY_PROPERTY);
        if (given[i] == null && property != null) {
          given[i] = probability(flow, property);
        }
        if (given[i] == null) {
          unspecified++;
        } else {
          givenSum += given[i];
        }
      }
      double rest = unspecified == 0 ? 0 : Math.max(0, 1 - givenSum) / unspecified;
      double total = givenSum + rest * unspecified;
      if (Math.abs(total - 1) > 1e-9) {
        warnings.add(process.id() + ": the flows leaving " + node.getId() + " have probabilities adding up to "
            + total + "; they are used in proportion");
      }
      double[] cumulative = new double[given.length];
      double sum = 0;
      for (int i = 0; i < given.length; i++) {
        double p = total > 0 ? (given[i] != null ? given[i] : rest) / total : 1.0 / given.length;
        sum += p;
        cumulative[i] = sum;
      }
      return cumulative;
    }

    private double probability(SequenceFlow flow, String property) {
      try {
        double p = Double.parseDouble(property.strip());
        if (p >= 0 && p <= 1) {
          return p;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new IllegalArgumentException(process.file() + ": sequence flow " + flow.getId() + ": "
          + Scenario.PROBABILITY_PROPERTY + " must be a number between 0 and 1, not '" + property + "'");
    }

    /**
     * Adds the stops of one walk through the process. Pending places to go on from are node indices on a stack,
     * and {@code -1 - i} for "after the inside of subprocess {@code i}".
     */
    void walk(RandomGenerator random, List<Stop> stops, Set<String> warnings) {
      int[] pending = new int[2 * nodes.size() + 2];
      int size = pushAll(pending, 0, processEntries);
      int[] arrivedAtJoin = new int[nodes.size()];
      for (int steps = 0; ; steps++) {
        if (size == 0) {
          int join = waitingJoin(arrivedAtJoin);
          if (join < 0) {
            return;
          }
          // A parallel join some of whose branches ended before reaching it: go on past it rather than stop.
          arrivedAtJoin[join] = 0;
          warnings.add(process.id() + ": the parallel join " + nodes.get(join).getId()
              + " went on without all its branches");
          size = pushNext(pending, size, join, random);
        } else if (steps == MAX_STEPS) {
          warnings.add(process.id() + ": a resident's walk was cut after " + MAX_STEPS + " steps (a loop whose"
              + " way out is never drawn?)");
          return;
        } else {
          int node = pending[--size];
          if (node < 0) {
            size = pushNext(pending, size, -1 - node, random);
          } else if (joinWidth[node] == 0 || ++arrivedAtJoin[node] == joinWidth[node]) {
            arrivedAtJoin[node] = 0;
            Work nodeWork = workAt[node];
            if (nodeWork != null) {
              stops.add(new Stop(nodeWork.counter(), nodeWork.time().sample(random)));
            }
            if (subProcessEntries[node] != null) {
              pending[size++] = -1 - node;
              size = pushAll(pending, size, subProcessEntries[node]);
            } else {
              size = pushNext(pending, size, node, random);
            }
          }
        }
        pending = grown(pending, size);
      }
    }

    private int pushNext(int[] pending, int size, int node, RandomGenerator random) {
      double[] decision = decisions[node];
      if (decision == null) {
        return pushAll(pending, size, targets[node]);
      }
      double drawn = random.nextDouble();
      int chosen = 0;
      while (chosen < decision.length - 1 && drawn >= decision[chosen]) {
        chosen++;
      }
      pending[size] = targets[node][chosen];
      return size + 1;
    }

    /** Pushed last to first, so that the first is walked first. */
    private static int pushAll(int[] pending, int size, int[] nodes) {
      for (int i = nodes.length - 1; i >= 0; i--) {
        pending[size++] = nodes[i];
      }
      return size;
    }

    /** Room for the most a node can push next (its targets and a subprocess's end). */
    private int[] grown(int[] pending, int size) {
      int needed = size + nodes.size() + 1;
      return needed <= pending.length ? pending : Arrays.copyOf(pending, Math.max(needed, pending.length * 2));
    }

    private static int waitingJoin(int[] arrivedAtJoin) {
      for (int node = 0; node < arrivedAtJoin.length; node++) {
        if (arrivedAtJoin[node] > 0) {
          return node;
        }
      }
      return -1;
    }

    /**
     * Where a walk of the process (scope null) or of a subprocess starts: its first start event, else every node
     * without incoming flows (boundary events and event subprocesses are never started).
     */
    private int[] entries(String scope, Map<String, Integer> index) {
      List<FlowNode> inScope = nodes.stream()
          .filter(node -> Objects.equals(process.enclosingSubProcess(node.getId()).orElse(null), scope))
          .toList();
      Optional<FlowNode> start = inScope.stream().filter(StartEvent.class::isInstance).findFirst();
      if (start.isPresent()) {
        return new int[] {index.get(start.get().getId())};
      }
      return inScope.stream()
          .filter(node -> process.incomingCount(node.getId()) == 0)
          .filter(node -> !(node instanceof BoundaryEvent))
          .filter(node -> !(node instanceof SubProcess subProcess && subProcess.triggeredByEvent()))
          .mapToInt(node -> index.get(node.getId()))
          .toArray();
    }
  }

  /**
   * What a node asks of the resident.
   *
   * @param counter the counter serving them, or {@code null} for time on their own
   * @param time how long it takes
   */
  private record Work(String counter, ServiceTime time) {
  }
}
