package org.madoguchi.procedure;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.madoguchi.security.AsMadoguchi;
import org.madoguchi.tenant.TenantDefinitions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The procedures a visit has started: starting each exactly once (the unique key of {@code visit_procedure}
 * holds even when the starting job is retried) and reading where each stands.
 */
@Component
public class VisitProcedures {

  /** The procedure step ids every procedure model shares (see processes/README.md). */
  static final String ACCEPT_STEP = "Accept";
  static final String CORRECT_STEP = "Correct";

  private final JdbcClient jdbc;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final HistoryService historyService;
  private final ProcedureCatalog catalog;
  private final TenantDefinitions definitions;
  private final AsMadoguchi asMadoguchi;
  private final Clock clock;

  VisitProcedures(JdbcClient jdbc, RuntimeService runtimeService, TaskService taskService,
      HistoryService historyService, ProcedureCatalog catalog, TenantDefinitions definitions, AsMadoguchi asMadoguchi,
      Clock clock) {
    this.jdbc = jdbc;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.historyService = historyService;
    this.catalog = catalog;
    this.definitions = definitions;
    this.asMadoguchi = asMadoguchi;
    this.clock = clock;
  }

  /**
   * Starts the procedure case unless the visit already started it, in the version the visit's municipality
   * runs; runs in the caller's transaction, so a failure afterwards rolls the start back with everything else.
   *
   * @return whether this call started it
   */
  public boolean startOnce(String visitId, String municipalityCode, String processKey, String scopeRef,
      List<String> memberIds, Map<String, Object> variables) {
    Integer existing = jdbc.sql("select count(*) from visit_procedure where visit_id = ? and procedure_key = ? "
            + "and scope_ref = ?")
        .params(visitId, processKey, scopeRef).query(Integer.class).single();
    if (existing > 0) {
      return false;
    }
    ProcessDefinition definition = definitions.latestProcess(processKey, municipalityCode)
        .orElseThrow(() -> new IllegalStateException("procedure " + processKey + " is not deployed"));
    ProcedureDefinition procedure = catalog.forDefinition(definition.getId())
        .orElseThrow(() -> new IllegalStateException("process " + processKey + " is not a procedure"));
    ProcessInstance instance = runtimeService.startProcessInstanceById(definition.getId(), visitId, variables);
    jdbc.sql("insert into visit_procedure (visit_id, procedure_key, scope_ref, process_instance_id, department, "
            + "member_ids, started_at) values (?, ?, ?, ?, ?, ?, ?)")
        .params(visitId, processKey, scopeRef, instance.getId(), procedure.department(), String.join(",", memberIds),
            Timestamp.from(Instant.now(clock)))
        .update();
    return true;
  }

  /** The members a started procedure case concerns, by its process instance; empty for any other process. */
  public Optional<List<String>> memberIdsOf(String processInstanceId) {
    return jdbc.sql("select member_ids from visit_procedure where process_instance_id = ?")
        .param(processInstanceId).query(String.class).optional().map(ids -> Arrays.asList(ids.split(",")));
  }

  /**
   * Where each of the visit's procedures stands, read with a fixed number of queries (the visit view is
   * polled): the procedures' history rows in one query, their open tasks in another, and an incident count
   * only for a case that waits without a task — where the hand-over job runs and can fail.
   *
   * <p>Read {@linkplain AsMadoguchi as Madoguchi}: the visit's one status covers every department's procedure,
   * while a department's engine grants cover its own procedures only. Callers pass a visit they have found for
   * the staff member ({@code VisitService.find}, its list of visits in progress), so its municipality is the
   * member's; the cases read are exactly those {@code visit_procedure} names for it.
   */
  public List<ProcedureState> of(String visitId) {
    record Started(String processKey, String processInstanceId, List<String> memberIds) {
    }
    List<Started> started = jdbc.sql("select procedure_key, process_instance_id, member_ids from visit_procedure "
            + "where visit_id = ? order by started_at, procedure_key, scope_ref")
        .param(visitId)
        .query((rs, row) -> new Started(rs.getString(1), rs.getString(2), Arrays.asList(rs.getString(3).split(","))))
        .list();
    if (started.isEmpty()) {
      return List.of();
    }
    Set<String> instanceIds = started.stream().map(Started::processInstanceId).collect(Collectors.toSet());
    return asMadoguchi.call(() -> {
      Map<String, HistoricProcessInstance> historic = historyService.createHistoricProcessInstanceQuery()
          .processInstanceIds(instanceIds).list().stream()
          .collect(Collectors.toMap(HistoricProcessInstance::getId, instance -> instance));
      Map<String, Task> latestTask = new HashMap<>();
      for (Task task : taskService.createTaskQuery().processInstanceIdIn(instanceIds.toArray(String[]::new)).list()) {
        latestTask.merge(task.getProcessInstanceId(), task,
            (one, other) -> one.getCreateTime().before(other.getCreateTime()) ? other : one);
      }
      return started.stream().map(s -> stateOf(s.processKey(), s.processInstanceId(), s.memberIds(),
          historic.get(s.processInstanceId()), latestTask.get(s.processInstanceId()))).toList();
    });
  }

  private ProcedureState stateOf(String processKey, String processInstanceId, List<String> memberIds,
      HistoricProcessInstance historic, Task task) {
    if (historic == null) {
      throw new IllegalStateException("procedure case " + processInstanceId + " has no history");
    }
    ProcedureDefinition procedure = catalog.forDefinition(historic.getProcessDefinitionId())
        .orElseThrow(() -> new IllegalStateException("process " + processKey + " is not a procedure"));
    if (historic.getEndTime() != null) {
      return state(procedure, processInstanceId, memberIds, ProcedureState.Step.COMPLETED, null, null);
    }
    if (task == null) {
      boolean incident = runtimeService.createIncidentQuery().processInstanceId(processInstanceId).count() > 0;
      return state(procedure, processInstanceId, memberIds,
          incident ? ProcedureState.Step.INCIDENT : ProcedureState.Step.HANDING_OVER, null, null);
    }
    ProcedureState.Step step = switch (task.getTaskDefinitionKey()) {
      case ACCEPT_STEP -> ProcedureState.Step.ACCEPTING;
      case CORRECT_STEP -> ProcedureState.Step.RETURNED;
      default -> ProcedureState.Step.IN_REVIEW;
    };
    return state(procedure, processInstanceId, memberIds, step, task.getTaskDefinitionKey(), task.getName());
  }

  private static ProcedureState state(ProcedureDefinition procedure, String processInstanceId,
      List<String> memberIds, ProcedureState.Step step, String activityId, String activityName) {
    return new ProcedureState(procedure.processKey(), procedure.name(), procedure.department(),
        procedure.departmentName(), processInstanceId, memberIds, step, activityId, activityName,
        step != ProcedureState.Step.ACCEPTING);
  }
}
