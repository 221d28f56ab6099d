package org.madoguchi.tenant;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.DecisionDefinitionQuery;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinitionQuery;
import org.camunda.bpm.engine.repository.ResourceDefinition;
import org.springframework.stereotype.Component;

/**
 * The process and decision definitions a municipality runs. The standard definitions are deployed without a
 * tenant id and shared by every municipality; a municipality that deployed its own version of one (an
 * override, with its tenant id) runs the latest of its own instead. The filter is explicit, so the answer is
 * the same in a request (tenant-checked by the engine), for an installation administrator (not checked) and
 * in the job executor (no one signed in).
 */
@Component
public class TenantDefinitions {

  private final RepositoryService repositoryService;

  TenantDefinitions(RepositoryService repositoryService) {
    this.repositoryService = repositoryService;
  }

  /** The process {@code key} that municipality {@code tenantId} runs (null: the shared one only). */
  public Optional<ProcessDefinition> latestProcess(String key, String tenantId) {
    return latestProcesses(processes(tenantId).processDefinitionKey(key), tenantId).stream().findFirst();
  }

  /** Every process the municipality runs, one per key. */
  public List<ProcessDefinition> latestProcesses(String tenantId) {
    return latestProcesses(processes(tenantId), tenantId);
  }

  /** How many process versions the municipality can run: it grows with every deployment the municipality sees. */
  public long processVersionCount(String tenantId) {
    return processes(tenantId).count();
  }

  public Optional<DecisionDefinition> latestDecision(String key, String tenantId) {
    return preferTenant(decisions(tenantId).decisionDefinitionKey(key).latestVersion().list(), tenantId).stream()
        .findFirst();
  }

  public List<DecisionDefinition> latestDecisions(String tenantId) {
    return preferTenant(decisions(tenantId).latestVersion().list(), tenantId);
  }

  private List<ProcessDefinition> latestProcesses(ProcessDefinitionQuery query, String tenantId) {
    return preferTenant(query.latestVersion().list(), tenantId);
  }

  private ProcessDefinitionQuery processes(String tenantId) {
    ProcessDefinitionQuery query = repositoryService.createProcessDefinitionQuery();
    return tenantId == null ? query.withoutTenantId()
        : query.tenantIdIn(tenantId).includeProcessDefinitionsWithoutTenantId();
  }

  private DecisionDefinitionQuery decisions(String tenantId) {
    DecisionDefinitionQuery query = repositoryService.createDecisionDefinitionQuery();
    return tenantId == null ? query.withoutTenantId()
        : query.tenantIdIn(tenantId).includeDecisionDefinitionsWithoutTenantId();
  }

  /** Of the latest versions per key and tenant, the municipality's own where it has one. */
  private static <T extends ResourceDefinition> List<T> preferTenant(List<T> latest, String tenantId) {
    Map<String, T> byKey = new LinkedHashMap<>();
    for (T definition : latest) {
      T other = byKey.get(definition.getKey());
      if (other == null || (tenantId != null && tenantId.equals(definition.getTenantId()))) {
        byKey.put(definition.getKey(), definition);
      }
    }
    return List.copyOf(byKey.values());
  }
}
