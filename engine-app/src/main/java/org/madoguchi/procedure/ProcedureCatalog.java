package org.madoguchi.procedure;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.madoguchi.tenant.TenantDefinitions;
import org.springframework.stereotype.Component;

/**
 * The related procedures the departments have deployed, read from their latest process versions: what a
 * decision's output names, who owns it, and whether it is a household or a member case.
 */
@Component
public class ProcedureCatalog {

  static final String DEPARTMENT_PROPERTY = "madoguchi.department";
  static final String CASE_SCOPE_PROPERTY = "madoguchi.caseScope";
  static final String LISTED_MEMBERS_PROPERTY = "madoguchi.listedMembers";
  static final String DEPARTMENT_LANE = "Lane_Department";

  private final RepositoryService repositoryService;
  private final TenantDefinitions definitions;
  private final Map<String, ProcedureDefinition> byDefinitionId = new ConcurrentHashMap<>();

  ProcedureCatalog(RepositoryService repositoryService, TenantDefinitions definitions) {
    this.repositoryService = repositoryService;
    this.definitions = definitions;
  }

  /**
   * The procedure {@code processKey} as municipality {@code municipalityCode} runs it (its own latest version,
   * else the shared one), if it is a procedure.
   */
  public Optional<ProcedureDefinition> find(String processKey, String municipalityCode) {
    return definitions.latestProcess(processKey, municipalityCode)
        .map(latest -> byDefinitionId.computeIfAbsent(latest.getId(), id -> read(latest)));
  }

  /** The procedure a process definition (any version) belongs to, if it is a procedure. */
  public Optional<ProcedureDefinition> forDefinition(String processDefinitionId) {
    return Optional.ofNullable(byDefinitionId.computeIfAbsent(processDefinitionId,
        id -> read(repositoryService.getProcessDefinition(id))));
  }

  private ProcedureDefinition read(ProcessDefinition definition) {
    BpmnModelInstance model = repositoryService.getBpmnModelInstance(definition.getId());
    Process process = model.getModelElementById(definition.getKey());
    Map<String, String> properties = ModelProperties.of(process);
    String department = properties.get(DEPARTMENT_PROPERTY);
    if (department == null) {
      return null;
    }
    Lane lane = model.getModelElementById(DEPARTMENT_LANE);
    CaseScope scope = CaseScope.valueOf(properties.getOrDefault(CASE_SCOPE_PROPERTY, CaseScope.MEMBER.name()));
    return new ProcedureDefinition(definition.getKey(), definition.getName(), department,
        lane == null ? department : lane.getName(), scope, properties.get(LISTED_MEMBERS_PROPERTY));
  }
}
