package org.madoguchi.modeler;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.madoguchi.security.CurrentStaff;
import org.madoguchi.system.ApiException;
import org.madoguchi.tenant.TenantDefinitions;
import org.springframework.stereotype.Service;

/**
 * The latest deployed version of every process and decision the signed-in staff member's municipality runs:
 * its own version where it deployed one, else the shared one.
 */
@Service
public class DeployedModels {

  private final RepositoryService repositoryService;
  private final TenantDefinitions definitions;

  DeployedModels(RepositoryService repositoryService, TenantDefinitions definitions) {
    this.repositoryService = repositoryService;
    this.definitions = definitions;
  }

  /** A deployed model: its key, name (the key when unnamed), version and definition id. */
  public record Model(String key, String name, int version, String definitionId) {
  }

  /** A deployed process with its BPMN XML, to open in the modeler. */
  public record ProcessXml(String key, String name, int version, String bpmnXml) {
  }

  public List<Model> processes() {
    return definitions.latestProcesses(CurrentStaff.get().tenantId()).stream()
        .map(definition -> new Model(definition.getKey(), nameOf(definition.getName(), definition.getKey()),
            definition.getVersion(), definition.getId()))
        .sorted(Comparator.comparing(Model::key)).toList();
  }

  public List<Model> decisions() {
    return definitions.latestDecisions(CurrentStaff.get().tenantId()).stream()
        .map(definition -> new Model(definition.getKey(), nameOf(definition.getName(), definition.getKey()),
            definition.getVersion(), definition.getId()))
        .sorted(Comparator.comparing(Model::key)).toList();
  }

  /** The latest version of the process {@code key}, with the BPMN XML it was deployed with. */
  public ProcessXml process(String key) {
    ProcessDefinition definition = definitions.latestProcess(key, CurrentStaff.get().tenantId())
        .orElseThrow(() -> ApiException.notFound("process-not-found",
            "このプロセスは配置されていません。モデルの一覧から開き直してください。"));
    return new ProcessXml(definition.getKey(), nameOf(definition.getName(), definition.getKey()),
        definition.getVersion(), read(repositoryService.getProcessModel(definition.getId())));
  }

  /** The DMN XML of the latest version of the decision {@code key}. */
  public String decisionXml(String key) {
    DecisionDefinition definition = definitions.latestDecision(key, CurrentStaff.get().tenantId())
        .orElseThrow(() -> ApiException.notFound("decision-not-found",
            "この判定表は配置されていません。モデルの一覧から開き直してください。"));
    return read(repositoryService.getDecisionModel(definition.getId()));
  }

  private static String nameOf(String name, String key) {
    return name == null || name.isBlank() ? key : name;
  }

  private static String read(InputStream model) {
    try (InputStream in = model) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
