package org.madoguchi.deployment;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deploys a validated bundle as one deployment: all files or none. What the engine's own parser still
 * finds wrong comes back as problems, and the transaction leaves the deployed set as it was.
 */
@Service
class DeploymentService {

  static final String SOURCE = "madoguchi-api";

  private final RepositoryService repositoryService;
  private final BundleValidator validator;

  DeploymentService(RepositoryService repositoryService, BundleValidator validator) {
    this.repositoryService = repositoryService;
    this.validator = validator;
  }

  @Transactional(rollbackFor = InvalidBundleException.class)
  DeploymentSummary deploy(String name, List<BundleFile> files, boolean scriptsAllowed) {
    List<BundleProblem> problems = validator.validate(files, scriptsAllowed);
    if (!problems.isEmpty()) {
      throw new InvalidBundleException(problems);
    }
    DeploymentBuilder builder = repositoryService.createDeployment().name(name).source(SOURCE)
        .enableDuplicateFiltering(true);
    files.forEach(file -> builder.addInputStream(file.name(), new ByteArrayInputStream(file.content())));
    try {
      return DeploymentSummary.of(builder.deployWithResult(), files);
    } catch (ParseException e) {
      throw new InvalidBundleException(problemsOf(e));
    } catch (ProcessEngineException e) {
      throw new InvalidBundleException(List.of(new BundleProblem(null, null,
          "エンジンが配置を拒否しました: " + firstLine(e.getMessage()))));
    }
  }

  private static List<BundleProblem> problemsOf(ParseException e) {
    List<BundleProblem> problems = new ArrayList<>();
    for (ResourceReport report : e.getResorceReports()) {
      report.getErrors().forEach(problem -> problems.add(new BundleProblem(report.getResourceName(),
          problem.getMainElementId(), problem.getMessage())));
    }
    return problems.isEmpty() ? List.of(new BundleProblem(null, null, firstLine(e.getMessage()))) : problems;
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("");
  }

  /** What a deployment made: new versions per key, or nothing new when every file was already deployed. */
  record DeploymentSummary(String deploymentId, String name, List<Deployed> processes, List<Deployed> decisions,
      List<String> files) {

    record Deployed(String key, int version, String id) {
    }

    static DeploymentSummary of(DeploymentWithDefinitions deployment, List<BundleFile> files) {
      List<Deployed> processes = deployment.getDeployedProcessDefinitions() == null ? List.of()
          : deployment.getDeployedProcessDefinitions().stream()
              .map(d -> new Deployed(d.getKey(), d.getVersion(), d.getId())).toList();
      List<Deployed> decisions = deployment.getDeployedDecisionDefinitions() == null ? List.of()
          : deployment.getDeployedDecisionDefinitions().stream()
              .map(d -> new Deployed(d.getKey(), d.getVersion(), d.getId())).toList();
      return new DeploymentSummary(deployment.getId(), deployment.getName(), processes, decisions,
          files.stream().map(BundleFile::name).toList());
    }
  }

  /** The bundle is refused; nothing of it is deployed. */
  static class InvalidBundleException extends RuntimeException {

    private final transient List<BundleProblem> problems;

    InvalidBundleException(List<BundleProblem> problems) {
      super("invalid bundle");
      this.problems = List.copyOf(problems);
    }

    List<BundleProblem> problems() {
      return problems;
    }
  }
}
