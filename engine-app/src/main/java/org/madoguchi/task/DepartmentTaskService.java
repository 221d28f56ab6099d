package org.madoguchi.task;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.madoguchi.audit.AuditAction;
import org.madoguchi.audit.AuditLog;
import org.madoguchi.procedure.ModelProperties;
import org.madoguchi.procedure.ProcedureCatalog;
import org.madoguchi.procedure.ProcedureDefinition;
import org.madoguchi.security.AsMadoguchi;
import org.madoguchi.security.CurrentStaff;
import org.madoguchi.system.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A department's work: its task list, claiming, completing with the form's values, returning with a
 * reason. Staff see and work only the tasks of the groups they belong to (administrators see all).
 *
 * <p>Which task a staff member may read or work is decided once per call, by Madoguchi ({@link #workable}): the
 * task must belong to the member's municipality, the member must be in one of the groups its model names, and the
 * engine's grants must allow it (one lookup). The work itself — reading the task's variables, claiming, completing —
 * then runs {@linkplain AsMadoguchi as Madoguchi}: checking the same grants again in every one of those engine
 * commands was the largest single cost of working a task. The engine's user operation log records authenticated
 * calls only, so Madoguchi's audit log records who claimed and who completed each task. The task list is the
 * engine's task query as the member, with the engine's grants and tenant check.
 */
@Service
public class DepartmentTaskService {

  static final String DECISION = "decision";
  static final String RETURN_REASON = "returnReason";
  private static final String VISIT_ID = "visitId";
  private static final String ATENA_NUMBERS = "atenaNumbers";
  /** Variables the processes set themselves; a form may not overwrite them. */
  static final List<String> RESERVED_VARIABLES = List.of(DECISION, RETURN_REASON, VISIT_ID, "municipalityCode",
      "householdNumber", ATENA_NUMBERS);
  static final String RETURNABLE_PROPERTY = "madoguchi.returnable";
  /** The process variables a task row shows. */
  private static final List<String> TASK_VIEW_VARIABLES = List.of(VISIT_ID, RETURN_REASON, ATENA_NUMBERS);
  private static final Pattern VARIABLE_NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,63}");
  private static final int MAX_VALUES = 50;
  private static final int MAX_TEXT = 2000;
  /** Most tasks' cases remembered: a task is listed or claimed shortly before it is completed. */
  private static final int REMEMBERED_CASES = 10_000;

  private final TaskService taskService;
  private final AuthorizationService authorizationService;
  private final IdentityService identityService;
  private final RuntimeService runtimeService;
  private final RepositoryService repositoryService;
  private final ProcedureCatalog procedures;
  private final AuditLog audit;
  private final AsMadoguchi asMadoguchi;
  private final Clock clock;
  /** One task by its id, in the engine's task table (with the configured table prefix). */
  private final String taskById;
  /** Who each recently read task's case concerns, by task id, so completing it need not read its variables again. */
  private final Map<String, CaseIdentity> caseOfTask = Collections.synchronizedMap(
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CaseIdentity> eldest) {
          return size() > REMEMBERED_CASES;
        }
      });
  /** What each deployed version's model says about its user tasks, by definition id and task key. */
  private final Map<String, TaskDefinitionFacts> taskDefinitions = new ConcurrentHashMap<>();

  DepartmentTaskService(TaskService taskService, RuntimeService runtimeService, RepositoryService repositoryService,
      ManagementService managementService, AuthorizationService authorizationService, IdentityService identityService,
      ProcedureCatalog procedures, AuditLog audit, AsMadoguchi asMadoguchi, Clock clock) {
    this.taskService = taskService;
    this.authorizationService = authorizationService;
    this.identityService = identityService;
    this.runtimeService = runtimeService;
    this.repositoryService = repositoryService;
    // read here, at start-up: the table name is an administrator's information once someone is signed in
    this.taskById = "select * from " + managementService.getTableName(Task.class) + " where ID_ = #{id}";
    this.procedures = procedures;
    this.audit = audit;
    this.asMadoguchi = asMadoguchi;
    this.clock = clock;
  }

  /**
   * The open tasks of {@code department} (or of all the staff member's groups), longest waiting first; with
   * {@code visitId}, only that visit's (its own process and the procedures it started share it as business key).
   * No transaction around it on purpose: should an engine read fail on a task completed meanwhile, it must not
   * mark a surrounding transaction rollback-only and so turn the whole list into an error.
   */
  public List<TaskView> list(String department, String visitId) {
    CurrentStaff staff = CurrentStaff.get();
    TaskQuery query = taskService.createTaskQuery().active();
    if (visitId != null && !visitId.isBlank()) {
      query.processInstanceBusinessKey(visitId);
    }
    if (department != null && !department.isBlank()) {
      if (!staff.worksIn(department) && !staff.isAdmin()) {
        throw ApiException.forbidden("not-your-department", "他の課のタスク一覧は表示できません。");
      }
      query.taskCandidateGroup(department).includeAssignedTasks();
    } else if (staff.groups().isEmpty() && !staff.isAdmin()) {
      return List.of();
    } else if (!staff.isAdmin()) {
      query.taskCandidateGroupIn(new ArrayList<>(staff.groups())).includeAssignedTasks();
    }
    return views(query.list()).stream().sorted(Comparator.comparing(TaskView::created)).toList();
  }

  /**
   * The rows of a task list in a fixed number of queries, however long the list: the tasks' process
   * variables in one query, and what each task's model says (process, department, candidate groups,
   * returnable) from a cache per deployed version. A task completed by someone else since the task query
   * simply shows once more; working it then answers that it is gone.
   *
   * <p>The variables are read {@linkplain AsMadoguchi as Madoguchi}, of the cases of exactly the tasks the engine
   * listed for the staff member: the member's grant on a task covers the variables read through that task, not a
   * query over the cases, and reading through each task would cost a query per row.
   */
  private List<TaskView> views(List<Task> tasks) {
    if (tasks.isEmpty()) {
      return List.of();
    }
    Map<String, Map<String, Object>> variables = new HashMap<>();
    Map<String, String> scopeOfValue = new HashMap<>();
    Map<String, String> executionOfTask = new HashMap<>();
    tasks.forEach(task -> executionOfTask.put(task.getProcessInstanceId(), task.getExecutionId()));
    String[] cases = tasks.stream().map(Task::getProcessInstanceId).distinct().toArray(String[]::new);
    for (VariableInstance variable : asMadoguchi.call(() -> runtimeService.createVariableInstanceQuery()
        .processInstanceIdIn(cases).variableNameIn(TASK_VIEW_VARIABLES.toArray(String[]::new))
        .disableBinaryFetching().list())) {
      // A value on the task's own execution wins over the same name further up (the process instance).
      String key = variable.getProcessInstanceId() + "#" + variable.getName();
      boolean taskScope = variable.getExecutionId().equals(executionOfTask.get(variable.getProcessInstanceId()));
      if (!scopeOfValue.containsKey(key) || taskScope) {
        variables.computeIfAbsent(variable.getProcessInstanceId(), id -> new HashMap<>())
            .put(variable.getName(), variable.getValue());
        scopeOfValue.put(key, variable.getExecutionId());
      }
    }
    return tasks.stream().map(task -> view(task, task.getAssignee(),
        variables.getOrDefault(task.getProcessInstanceId(), Map.of()), groupsIfStillOpen(task)))
        .toList();
  }

  @Transactional
  public TaskView get(String taskId) {
    Task task = workable(taskId, Access.READ);
    TaskView view = view(task, task.getAssignee());
    view.atenaNumbers().forEach(atenaNumber ->
        audit.record(AuditAction.READ_TASK, view.visitId(), atenaNumber, "タスク " + view.name()));
    return view;
  }

  @Transactional
  public TaskView claim(String taskId) {
    Task task = claimedByMe(taskId);
    // The claim succeeded, so the task is the one read above, now assigned to me: no need to read it again.
    TaskView view = view(task, CurrentStaff.get().userId());
    // Who took the task on: the engine's user operation log does not see work done as Madoguchi.
    audit.record(AuditAction.CLAIM_TASK, view.visitId(), null, "担当: " + view.name());
    return view;
  }

  @Transactional
  public void complete(String taskId, Map<String, Object> values) {
    Task task = claimedByMe(taskId);
    Map<String, Object> variables = new HashMap<>(checkedValues(values));
    variables.put(DECISION, "APPROVE");
    CaseIdentity identity = caseOf(task);
    asMadoguchi.run(() -> taskService.complete(task.getId(), variables));
    caseOfTask.remove(task.getId());
    recordCompletion(task, identity, "完了: ");
  }

  @Transactional
  public void returnWithReason(String taskId, String reason) {
    if (reason == null || reason.isBlank()) {
      throw ApiException.badRequest("missing-reason", "差戻しの理由を入力してください。");
    }
    if (reason.length() > 500) {
      throw ApiException.badRequest("reason-too-long", "差戻しの理由は500文字以内で入力してください。");
    }
    Task task = claimedByMe(taskId);
    if (!isReturnable(task)) {
      throw ApiException.conflict("task-not-returnable", "この作業は差戻しできません。");
    }
    CaseIdentity identity = caseOf(task);
    asMadoguchi.run(() -> taskService.complete(task.getId(),
        Map.of(DECISION, "RETURN", RETURN_REASON, reason.strip())));
    caseOfTask.remove(task.getId());
    recordCompletion(task, identity, "差戻し: ");
  }

  /** Who completed the task, per resident it concerns, or once when it concerns none by name (the visit's own). */
  private void recordCompletion(Task task, CaseIdentity identity, String how) {
    if (identity.atenaNumbers().isEmpty()) {
      audit.record(AuditAction.COMPLETE_TASK, identity.visitId(), null, how + task.getName());
    }
    identity.atenaNumbers().forEach(atenaNumber ->
        audit.record(AuditAction.COMPLETE_TASK, identity.visitId(), atenaNumber, how + task.getName()));
  }

  /**
   * The visit and the residents a task's case concerns: the process sets both when it starts and no form may change
   * them ({@link #RESERVED_VARIABLES}), so they are kept from the task's last read and otherwise read now.
   */
  private record CaseIdentity(String visitId, List<String> atenaNumbers) {
  }

  private CaseIdentity caseOf(Task task) {
    CaseIdentity known = caseOfTask.get(task.getId());
    if (known != null) {
      return known;
    }
    Map<String, Object> variables = asMadoguchi.call(() -> taskService.getVariables(task.getId(),
        List.of(VISIT_ID, ATENA_NUMBERS)));
    return identityOf(variables);
  }

  private static CaseIdentity identityOf(Map<String, Object> variables) {
    String atenaNumbers = (String) variables.get(ATENA_NUMBERS);
    return new CaseIdentity((String) variables.get(VISIT_ID),
        atenaNumbers == null || atenaNumbers.isBlank() ? List.of() : List.of(atenaNumbers.split(",")));
  }

  /** What a staff member does with a task. */
  private enum Access { READ, WORK }

  /**
   * The task, if it exists in a process, belongs to the staff member's municipality (or to none: a case from before
   * municipalities were tenants is every municipality's), the member works in one of the groups its model names, and
   * the engine's grants allow the member {@code access} to it — the same grants, any one of them, the engine checks
   * for the same calls, so that a grant an administrator deletes or narrows takes the right away here too. Another
   * municipality's task is not found, like the engine's tenant check answers.
   *
   * <p>Read with a native query by id: a task query builds the engine's whole dynamic task SQL for one row, which was
   * the largest part of working a task. The engine checks neither grants nor tenants on a native query, so all three
   * checks here are Madoguchi's; the work that follows runs {@linkplain AsMadoguchi as Madoguchi}.
   */
  private Task workable(String taskId, Access access) {
    CurrentStaff staff = CurrentStaff.get();
    Task task = taskService.createNativeTaskQuery().sql(taskById).parameter("id", taskId).singleResult();
    if (task == null || task.getProcessDefinitionId() == null
        || task.getTenantId() != null && !staff.sees(task.getTenantId())) {
      throw ApiException.notFound("task-not-found", "指定されたタスクは見つかりません（完了済みの可能性があります）。");
    }
    if (!staff.isAdmin() && (groupsOf(task).stream().noneMatch(staff::worksIn) || !granted(task, access))) {
      throw notYourDepartment();
    }
    return task;
  }

  /** Whether the engine's grants allow the signed-in member {@code access} to the task (engine's own rule). */
  private boolean granted(Task task, Access access) {
    Authentication member = identityService.getCurrentAuthentication();
    if (member == null) {
      return false;
    }
    String processKey = facts(task).processKey();
    return switch (access) {
      case READ -> allows(member, TaskPermissions.READ, Resources.TASK, task.getId())
          || allows(member, ProcessDefinitionPermissions.READ_TASK, Resources.PROCESS_DEFINITION, processKey);
      case WORK -> allows(member, TaskPermissions.TASK_WORK, Resources.TASK, task.getId())
          || allows(member, TaskPermissions.UPDATE, Resources.TASK, task.getId())
          || allows(member, ProcessDefinitionPermissions.TASK_WORK, Resources.PROCESS_DEFINITION, processKey)
          || allows(member, ProcessDefinitionPermissions.UPDATE_TASK, Resources.PROCESS_DEFINITION, processKey);
    };
  }

  private boolean allows(Authentication member, Permission permission, Resource resource, String resourceId) {
    return authorizationService.isUserAuthorized(member.getUserId(), member.getGroupIds(), permission, resource,
        resourceId);
  }

  private static ApiException notYourDepartment() {
    return ApiException.forbidden("not-your-department", "他の課のタスクは操作できません。");
  }

  /** The task claimed by the current staff member; an unclaimed task is claimed on the way. */
  private Task claimedByMe(String taskId) {
    Task task = workable(taskId, Access.WORK);
    String me = CurrentStaff.get().userId();
    if (task.getAssignee() == null) {
      asMadoguchi.run(() -> taskService.claim(task.getId(), me));
    } else if (!task.getAssignee().equals(me)) {
      throw ApiException.conflict("task-claimed-by-other", "このタスクは他の職員（" + task.getAssignee() + "）が担当しています。");
    }
    return task;
  }

  private Map<String, Object> checkedValues(Map<String, Object> values) {
    if (values == null) {
      return Map.of();
    }
    if (values.size() > MAX_VALUES) {
      throw ApiException.badRequest("too-many-values", "入力項目が多すぎます（" + MAX_VALUES + "項目まで）。");
    }
    values.forEach((name, value) -> {
      if (!VARIABLE_NAME.matcher(name).matches() || RESERVED_VARIABLES.contains(name)) {
        throw ApiException.badRequest("invalid-field", "入力項目名「" + name.replaceAll("[^\\w-]", "?") + "」は使えません。");
      }
      boolean scalar = value == null || value instanceof Boolean || value instanceof Number
          || (value instanceof String text && text.length() <= MAX_TEXT);
      if (!scalar) {
        throw ApiException.badRequest("invalid-value",
            "入力項目「" + name + "」の値は文字（" + MAX_TEXT + "文字まで）・数値・真偽値で指定してください。");
      }
    });
    return values;
  }

  /** One task's row, of a task {@link #workable} for the staff member; its variables as the task sees them. */
  private TaskView view(Task task, String assignee) {
    Map<String, Object> variables = asMadoguchi.call(() -> taskService.getVariables(task.getId(),
        TASK_VIEW_VARIABLES));
    return view(task, assignee, variables, groupsOf(task));
  }

  private TaskView view(Task task, String assignee, Map<String, Object> variables, List<String> candidateGroups) {
    TaskDefinitionFacts facts = facts(task);
    ProcedureDefinition procedure = facts.procedure();
    CaseIdentity identity = identityOf(variables);
    caseOfTask.put(task.getId(), identity);
    Instant created = task.getCreateTime().toInstant();
    return new TaskView(task.getId(), task.getName(), task.getTaskDefinitionKey(), facts.processKey(),
        procedure == null ? facts.processKey() : procedure.name(), procedure == null ? null : procedure.department(),
        procedure == null ? null : procedure.departmentName(), identity.visitId(), task.getProcessInstanceId(),
        candidateGroups, assignee, created, Duration.between(created, Instant.now(clock)).toMinutes(),
        facts.returnable(), (String) variables.get(RETURN_REASON), identity.atenaNumbers());
  }

  /**
   * What a task's deployed model says about it; versions never change, so it is read once per version.
   *
   * @param candidateGroups the groups the model names, or null when it computes them (an expression): then
   *     the task's identity links are read
   */
  private record TaskDefinitionFacts(String processKey, ProcedureDefinition procedure, boolean returnable,
      List<String> candidateGroups) {
  }

  private TaskDefinitionFacts facts(Task task) {
    return taskDefinitions.computeIfAbsent(task.getProcessDefinitionId() + "#" + task.getTaskDefinitionKey(), key -> {
      ProcedureDefinition procedure = procedures.forDefinition(task.getProcessDefinitionId()).orElse(null);
      String processKey = procedure != null ? procedure.processKey()
          : repositoryService.getProcessDefinition(task.getProcessDefinitionId()).getKey();
      UserTask userTask = repositoryService.getBpmnModelInstance(task.getProcessDefinitionId())
          .getModelElementById(task.getTaskDefinitionKey());
      boolean returnable = userTask != null && "true".equals(ModelProperties.of(userTask).get(RETURNABLE_PROPERTY));
      String groups = userTask == null ? null : userTask.getCamundaCandidateGroups();
      List<String> candidateGroups = groups == null || groups.contains("${") || groups.contains("#{") ? null
          : Arrays.stream(groups.split(",")).map(String::strip).filter(g -> !g.isEmpty()).toList();
      return new TaskDefinitionFacts(processKey, procedure, returnable, candidateGroups);
    });
  }

  /** The groups of a task that may have been completed since the list's query: none, then. */
  private List<String> groupsIfStillOpen(Task task) {
    try {
      return groupsOf(task);
    } catch (NullValueException completedMeanwhile) {
      return List.of();
    }
  }

  /** The task's candidate groups: as its model names them, else (computed by an expression) as the engine holds them. */
  private List<String> groupsOf(Task task) {
    List<String> named = facts(task).candidateGroups();
    return named != null ? named : candidateGroups(task);
  }

  /** Read as Madoguchi: of a task listed for the member or found in the member's municipality. */
  private List<String> candidateGroups(Task task) {
    return asMadoguchi.call(() -> taskService.getIdentityLinksForTask(task.getId())).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId).toList();
  }

  private boolean isReturnable(Task task) {
    return facts(task).returnable();
  }
}
