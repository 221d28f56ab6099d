package org.madoguchi.migration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigratingActivityInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingTransitionInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.madoguchi.system.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Process versions and the migration of running cases between them, with Camunda's migration API: a plan
 * mapping equal activities, validated against the model and against every instance; a dry run validates
 * and rolls back; a real run migrates every instance or none.
 */
@Service
public class ProcessVersionService {

  private final RepositoryService repositoryService;
  private final RuntimeService runtimeService;
  private final TransactionTemplate transaction;

  ProcessVersionService(RepositoryService repositoryService, RuntimeService runtimeService,
      TransactionTemplate transaction) {
    this.repositoryService = repositoryService;
    this.runtimeService = runtimeService;
    this.transaction = transaction;
  }

  /** Every version of the process {@code key} (of every process when blank), by key and version. */
  public List<ProcessVersion> versions(String key) {
    var query = repositoryService.createProcessDefinitionQuery();
    if (key != null && !key.isBlank()) {
      query.processDefinitionKey(key);
    }
    return query.list().stream()
        .sorted(Comparator.comparing(ProcessDefinition::getKey).thenComparing(ProcessDefinition::getVersion))
        .map(d -> new ProcessVersion(d.getId(), d.getKey(), d.getName(), d.getVersion(), d.getDeploymentId(),
            d.isSuspended(), runtimeService.createProcessInstanceQuery().processDefinitionId(d.getId()).count(),
            d.getTenantId()))
        .toList();
  }

  public void suspend(String definitionId) {
    definition(definitionId);
    repositoryService.suspendProcessDefinitionById(definitionId, false, null);
  }

  public void activate(String definitionId) {
    definition(definitionId);
    repositoryService.activateProcessDefinitionById(definitionId, false, null);
  }

  public MigrationReport migrate(String sourceId, String targetId, boolean dryRun) {
    ProcessDefinition source = definition(sourceId);
    ProcessDefinition target = definition(targetId);
    if (!source.getKey().equals(target.getKey())) {
      throw ApiException.badRequest("different-processes", "移行元と移行先は同じプロセスの版を指定してください。");
    }
    MigrationPlan plan;
    try {
      plan = runtimeService.createMigrationPlan(sourceId, targetId).mapEqualActivities().updateEventTriggers().build();
    } catch (MigrationPlanValidationException e) {
      List<String> problems = new ArrayList<>();
      for (MigrationInstructionValidationReport report : e.getValidationReport().getInstructionReports()) {
        report.getFailures().forEach(failure -> problems.add(report.getMigrationInstruction().getSourceActivityId()
            + ": " + failure));
      }
      return new MigrationReport(sourceId, targetId, dryRun, false, List.of(), problems, List.of());
    }
    List<MigrationReport.Mapping> mappings = plan.getInstructions().stream()
        .map((MigrationInstruction i) -> new MigrationReport.Mapping(i.getSourceActivityId(), i.getTargetActivityId()))
        .toList();
    List<ProcessInstance> instances = runtimeService.createProcessInstanceQuery().processDefinitionId(sourceId).list();
    List<MigrationReport.InstanceResult> results = new ArrayList<>();
    boolean migrated = Boolean.TRUE.equals(transaction.execute(status -> {
      try {
        if (!instances.isEmpty()) {
          runtimeService.newMigration(plan).processInstanceIds(instances.stream().map(ProcessInstance::getId).toList())
              .execute();
        }
        instances.forEach(i -> results.add(new MigrationReport.InstanceResult(i.getId(), i.getBusinessKey(), true,
            List.of())));
        if (dryRun) {
          status.setRollbackOnly();
          return false;
        }
        return true;
      } catch (MigratingProcessInstanceValidationException e) {
        status.setRollbackOnly();
        results.addAll(instanceProblems(e, instances));
        return false;
      }
    }));
    List<String> unmapped = unmappedActivities(results);
    return new MigrationReport(sourceId, targetId, dryRun, migrated, mappings, unmapped, results);
  }

  private static List<MigrationReport.InstanceResult> instanceProblems(MigratingProcessInstanceValidationException e,
      List<ProcessInstance> instances) {
    MigratingProcessInstanceValidationReport report = e.getValidationReport();
    List<String> problems = new ArrayList<>(report.getFailures());
    for (MigratingActivityInstanceValidationReport activity : report.getActivityInstanceReports()) {
      activity.getFailures().forEach(f -> problems.add(activity.getSourceScopeId() + ": " + f));
    }
    for (MigratingTransitionInstanceValidationReport transition : report.getTransitionInstanceReports()) {
      transition.getFailures().forEach(f -> problems.add(transition.getSourceScopeId() + ": " + f));
    }
    String failedId = report.getProcessInstanceId();
    return instances.stream().map(i -> i.getId().equals(failedId)
        ? new MigrationReport.InstanceResult(i.getId(), i.getBusinessKey(), false, problems)
        : new MigrationReport.InstanceResult(i.getId(), i.getBusinessKey(), true, List.of())).toList();
  }

  private static List<String> unmappedActivities(List<MigrationReport.InstanceResult> results) {
    return results.stream().flatMap(r -> r.problems().stream()).distinct().toList();
  }

  private ProcessDefinition definition(String id) {
    if (id == null || id.isBlank()) {
      throw ApiException.badRequest("version-required", "プロセスの版（定義 ID）を指定してください。");
    }
    ProcessDefinition definition = repositoryService.createProcessDefinitionQuery().processDefinitionId(id)
        .singleResult();
    if (definition == null) {
      throw ApiException.notFound("process-version-not-found", "指定されたプロセスの版は見つかりません。");
    }
    return definition;
  }
}
