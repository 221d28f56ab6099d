package org.madoguchi.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * The bare engine: a standalone Camunda engine configured as Madoguchi configures its own (history full,
 * job executor on with the same defaults, UUID ids, JDBC batching, a Hikari pool of the same size), with
 * the very BPMN and DMN files of the processes module deployed, and the service tasks' delegates replaced
 * by no-op delegates that keep only the engine work: registering sets the {@code householdNumber}
 * variable, spawning starts the eight procedure instances with the four reference variables, handing over
 * does nothing. No connectors, no application tables, no HTTP, no security, no audit.
 *
 * <p>Each {@link WorkApi} call makes the engine calls a minimal client needs for the same step: opening
 * starts the visit instance; the interview and the signature each query the visit's task and complete it;
 * a task list is one query for the group's open tasks and one for their {@code visitId} variables; claim, complete
 * and return are TaskService calls; progress is one historic process instance query by business key.
 */
final class BareEngineApi implements WorkApi {

  private final HikariDataSource dataSource;
  private final ProcessEngine engine;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final HistoryService history;
  private final RepositoryService repository;
  private final Map<String, String> processKeys = new java.util.concurrent.ConcurrentHashMap<>();

  BareEngineApi(String jdbcUrl, String user, String password, int poolSize) {
    HikariConfig pool = new HikariConfig();
    pool.setJdbcUrl(jdbcUrl);
    pool.setUsername(user);
    pool.setPassword(password);
    pool.setMaximumPoolSize(poolSize);
    pool.setAutoCommit(false);
    pool.setPoolName("bare-engine");
    dataSource = new HikariDataSource(pool);

    StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
    configuration.setProcessEngineName("bare-" + UUID.randomUUID());
    configuration.setDataSource(dataSource);
    configuration.setTransactionsExternallyManaged(false);
    configuration.setDatabaseSchemaUpdate("true");
    configuration.setHistory("full");
    configuration.setIdGenerator(new StrongUuidGenerator());
    configuration.setJobExecutorActivate(true);
    configuration.setEnforceHistoryTimeToLive(true);
    configuration.setEnableXxeProcessing(false);
    Map<Object, Object> beans = new HashMap<>();
    beans.put("registerMoveInDelegate", new RegisterMoveIn());
    beans.put("spawnRelatedProceduresDelegate", new SpawnRelatedProcedures());
    beans.put("handOverToDepartmentSystemDelegate", (JavaDelegate) execution -> { });
    // The paperless archive (PDFs, hash chain) is Madoguchi's own work: no engine work to keep.
    beans.put("archiveSignedApplicationsDelegate", (JavaDelegate) execution -> { });
    configuration.setBeans(beans);
    engine = configuration.buildProcessEngine();
    runtime = engine.getRuntimeService();
    tasks = engine.getTaskService();
    history = engine.getHistoryService();
    repository = engine.getRepositoryService();
    deployModels();
  }

  /** Deploys every bpmn/*.bpmn and dmn/*.dmn of the processes module, as engine-app does. */
  private void deployModels() {
    DeploymentBuilder deployment = repository.createDeployment().name("madoguchi-processes");
    int count = 0;
    for (String resource : modelResources()) {
      deployment.addClasspathResource(resource);
      count++;
    }
    if (count == 0) {
      throw new IllegalStateException("no models found on the class path (madoguchi-processes missing?)");
    }
    deployment.deploy();
  }

  static List<String> modelResources() {
    URL anchor = BareEngineApi.class.getClassLoader().getResource("bpmn/" + MoveInBundle.VISIT_PROCESS + ".bpmn");
    if (anchor == null) {
      return List.of();
    }
    List<String> resources = new ArrayList<>();
    try {
      if ("jar".equals(anchor.getProtocol())) {
        try (JarFile jar = ((JarURLConnection) anchor.openConnection()).getJarFile()) {
          jar.stream().map(JarEntry::getName)
              .filter(n -> (n.startsWith("bpmn/") && n.endsWith(".bpmn"))
                  || (n.startsWith("dmn/") && n.endsWith(".dmn")))
              .sorted().forEach(resources::add);
        }
      } else {
        Path root = Path.of(anchor.toURI()).getParent().getParent();
        for (String folder : List.of("bpmn", "dmn")) {
          try (Stream<Path> files = Files.list(root.resolve(folder))) {
            files.map(f -> folder + "/" + f.getFileName()).filter(n -> n.endsWith(".bpmn") || n.endsWith(".dmn"))
                .sorted().forEach(resources::add);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    return resources;
  }

  @Override
  public void pickNotice(String noticeId) {
    // The notice is Madoguchi's data; the bare engine has none.
  }

  @Override
  public String openVisit(String noticeId) {
    String visitId = UUID.randomUUID().toString();
    runtime.startProcessInstanceByKey(MoveInBundle.VISIT_PROCESS, visitId,
        Map.of("visitId", visitId, "municipalityCode", MoveInBundle.MUNICIPALITY_CODE));
    return visitId;
  }

  @Override
  public void recordInterview(String visitId, String headMemberId) {
    tasks.complete(visitTask(visitId, "Interview").getId());
  }

  @Override
  public void submit(String visitId) {
    tasks.complete(visitTask(visitId, "ConfirmAndSign").getId());
  }

  private Task visitTask(String visitId, String key) {
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(visitId).taskDefinitionKey(key).singleResult();
    if (task == null) {
      throw new CallFailed("no " + key + " task for visit " + visitId);
    }
    return task;
  }

  @Override
  public Progress progress(String visitId) {
    List<HistoricProcessInstance> instances = history.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(visitId).list();
    if (instances.size() < MoveInBundle.CASES.size() + 1) {
      return Progress.NOT_STARTED;
    }
    return instances.stream().allMatch(i -> i.getEndTime() != null) ? Progress.COMPLETED : Progress.STARTED;
  }

  @Override
  public List<TaskRef> tasks(String user, String department, String visitId) {
    TaskQuery query = tasks.createTaskQuery().taskCandidateGroup(department).includeAssignedTasks().active();
    if (visitId != null) {
      query.processInstanceBusinessKey(visitId);
    }
    List<Task> open = query.orderByTaskCreateTime().asc().list();
    if (open.isEmpty()) {
      return List.of();
    }
    Map<String, String> visitByInstance = new HashMap<>();
    runtime.createVariableInstanceQuery().variableName("visitId")
        .processInstanceIdIn(open.stream().map(Task::getProcessInstanceId).distinct().toArray(String[]::new))
        .list().forEach(v -> visitByInstance.put(v.getProcessInstanceId(), (String) v.getValue()));
    List<TaskRef> result = new ArrayList<>();
    for (Task task : open) {
      String processKey = processKeys.computeIfAbsent(task.getProcessDefinitionId(),
          id -> repository.getProcessDefinition(id).getKey());
      result.add(new TaskRef(task.getId(), visitByInstance.get(task.getProcessInstanceId()),
          task.getTaskDefinitionKey(), processKey, task.getProcessInstanceId(), task.getAssignee()));
    }
    return result;
  }

  @Override
  public void claim(String user, String taskId) {
    tasks.claim(taskId, user);
  }

  @Override
  public void complete(String user, String taskId) {
    Map<String, Object> values = new HashMap<>();
    values.put("note", "確認済み");
    values.put("decision", "APPROVE");
    tasks.complete(taskId, values);
  }

  @Override
  public void returnTask(String user, String taskId, String reason) {
    tasks.complete(taskId, Map.of("decision", "RETURN", "returnReason", reason));
  }

  @Override
  public void close() {
    engine.close();
    dataSource.close();
  }

  /** Registering the move-in, minus the registry: the engine still writes the household number variable. */
  static final class RegisterMoveIn implements JavaDelegate {
    private final AtomicLong householdNumbers = new AtomicLong(5_000_000_000L);

    @Override
    public void execute(DelegateExecution execution) {
      execution.setVariable("householdNumber", String.valueOf(householdNumbers.incrementAndGet()));
    }
  }

  /** Spawning the procedures, minus the visit table: the same eight starts with the same variables. */
  static final class SpawnRelatedProcedures implements JavaDelegate {
    private final AtomicLong atenaNumbers = new AtomicLong(1_000_000_000L);

    @Override
    public void execute(DelegateExecution execution) {
      String visitId = execution.getProcessBusinessKey();
      String householdNumber = (String) execution.getVariable("householdNumber");
      long base = atenaNumbers.getAndAdd(5);
      RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
      for (MoveInBundle.Case c : MoveInBundle.CASES) {
        List<String> concerned = c.members().stream().map(m -> String.valueOf(base + m)).toList();
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("visitId", visitId);
        variables.put("municipalityCode", MoveInBundle.MUNICIPALITY_CODE);
        variables.put("householdNumber", householdNumber);
        variables.put("atenaNumbers", String.join(",", concerned));
        runtime.startProcessInstanceByKey(c.processKey(), visitId, variables);
      }
    }
  }
}
