package org.madoguchi.deployment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.Resource;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.madoguchi.bpr.BpmnMetrics;
import org.madoguchi.bpr.InvalidBpmnException;
import org.madoguchi.bpr.ProcessMetrics;
import org.madoguchi.forms.FormCatalog;
import org.madoguchi.forms.FormDefinition;
import org.springframework.stereotype.Component;

/**
 * What deploying a checked bundle changes, worked out before it is deployed: per process and decision key the latest
 * version now and the one after, and the burden metrics of each process now (the latest deployed version) and after
 * (the bundle's model). Forms are looked up among those deployed, the bundle's own forms replacing them for "after".
 */
@Component
class VersionPreview {

  private final RepositoryService repositoryService;
  private final FormCatalog classpathForms;
  private final DeployedForms deployedForms;

  VersionPreview(RepositoryService repositoryService, FormCatalog classpathForms, DeployedForms deployedForms) {
    this.repositoryService = repositoryService;
    this.classpathForms = classpathForms;
    this.deployedForms = deployedForms;
  }

  record Preview(List<DeploymentSummary.ProcessChange> processes, List<DeploymentSummary.DecisionChange> decisions) {
  }

  /** The changes of deploying {@code files} (valid ones) as a deployment named {@code name}. */
  Preview of(String name, List<BundleFile> files) {
    Set<String> unchanged = sameAsLastDeployed(name, files);
    FormCatalog known = classpathForms.with(deployedForms.latest());
    FormCatalog withBundle = known.with(FormCatalog.of(files.stream()
        .filter(file -> file.kind() == BundleFile.Kind.FORM)
        .map(file -> FormDefinition.parse(new ByteArrayInputStream(file.content()))).toList()));
    BpmnMetrics before = new BpmnMetrics(known);
    BpmnMetrics after = new BpmnMetrics(withBundle);

    List<DeploymentSummary.ProcessChange> processes = new ArrayList<>();
    List<DeploymentSummary.DecisionChange> decisions = new ArrayList<>();
    for (BundleFile file : files) {
      if (file.kind() == BundleFile.Kind.BPMN) {
        for (Process process : ModelXml.readBpmn(file.content()).getModelElementsByType(Process.class)) {
          if (process.isExecutable()) {
            processes.add(processChange(file, process, unchanged.contains(file.name()), before, after));
          }
        }
      } else if (file.kind() == BundleFile.Kind.DMN) {
        for (Decision decision : Dmn.readModelFromStream(new ByteArrayInputStream(file.content()))
            .getModelElementsByType(Decision.class)) {
          DecisionDefinition previous = repositoryService.createDecisionDefinitionQuery()
              .decisionDefinitionKey(decision.getId()).withoutTenantId().latestVersion().singleResult();
          Integer previousVersion = previous == null ? null : previous.getVersion();
          boolean same = unchanged.contains(file.name()) && previous != null;
          decisions.add(new DeploymentSummary.DecisionChange(decision.getId(), decision.getName(), file.name(),
              previousVersion, next(previousVersion, same), same));
        }
      }
    }
    return new Preview(processes, decisions);
  }

  private DeploymentSummary.ProcessChange processChange(BundleFile file, Process process, boolean unchanged,
      BpmnMetrics before, BpmnMetrics after) {
    ProcessDefinition previous = repositoryService.createProcessDefinitionQuery().processDefinitionKey(process.getId())
        .withoutTenantId().latestVersion().singleResult();
    Integer previousVersion = previous == null ? null : previous.getVersion();
    ProcessMetrics metricsBefore = null;
    if (previous != null) {
      try (InputStream model = repositoryService.getProcessModel(previous.getId())) {
        metricsBefore = measure(before, model, previous.getResourceName(), process.getId());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    ProcessMetrics metricsAfter = measure(after, new ByteArrayInputStream(file.content()), file.name(),
        process.getId());
    boolean same = unchanged && previous != null;
    return new DeploymentSummary.ProcessChange(process.getId(), process.getName(), file.name(), previousVersion,
        next(previousVersion, same), same, metricsBefore, metricsAfter);
  }

  private static ProcessMetrics measure(BpmnMetrics metrics, InputStream model, String file, String processId) {
    try {
      return metrics.measure(model, file).stream().filter(m -> m.processId().equals(processId)).findFirst()
          .orElseThrow();
    } catch (InvalidBpmnException e) {
      // Only models the engine parsed, or the validator did, are measured.
      throw new IllegalStateException("a checked model cannot be measured: " + e.reason(), e);
    }
  }

  private static int next(Integer previousVersion, boolean unchanged) {
    if (previousVersion == null) {
      return 1;
    }
    return unchanged ? previousVersion : previousVersion + 1;
  }

  /**
   * The files the engine's duplicate filtering will skip: those equal to the latest resource of their name in the
   * deployments of this name and source. Their definitions keep their version.
   */
  private Set<String> sameAsLastDeployed(String name, List<BundleFile> files) {
    Map<String, byte[]> latest = new HashMap<>();
    for (Deployment deployment : repositoryService.createDeploymentQuery().deploymentName(name)
        .deploymentSource(DeploymentService.SOURCE).withoutTenantId().orderByDeploymentTime().desc().list()) {
      for (Resource resource : repositoryService.getDeploymentResources(deployment.getId())) {
        latest.putIfAbsent(resource.getName(), resource.getBytes());
      }
      if (files.stream().allMatch(file -> latest.containsKey(file.name()))) {
        break;
      }
    }
    return files.stream().filter(file -> Arrays.equals(latest.get(file.name()), file.content()))
        .map(BundleFile::name).collect(Collectors.toSet());
  }
}
