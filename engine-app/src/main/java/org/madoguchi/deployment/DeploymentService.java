package org.madoguchi.deployment;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.madoguchi.security.AsMadoguchi;
import org.madoguchi.security.EngineAuthorizations;
import org.madoguchi.tenant.TenantDefinitions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deploys a validated bundle as one deployment: all files or none. What the engine's own parser still
 * finds wrong comes back as problems, and the transaction leaves the deployed set as it was. A dry run checks
 * and summarises the same way and deploys nothing. A bundle for a municipality is deployed with its tenant id:
 * the municipality's own versions (overrides) of the shared definitions, which only it runs and sees.
 *
 * <p>A municipality's bundle is deployed {@linkplain AsMadoguchi as Madoguchi}, after the checks above and with the
 * municipality's tenant id: the engine cannot grant a municipality's administrator deployments of its own
 * municipality only (it does not tenant-check creating one), and a grant to deploy would let it deploy shared models,
 * unchecked, through {@code /engine-rest}. Shared models are deployed as the installation's administrator, and the
 * engine's grants for their process keys follow (EngineAuthorizations).
 */
@Service
public class DeploymentService {

  static final String SOURCE = "madoguchi-api";

  /** The deployment name when the administrator gives none. */
  public static final String DEFAULT_NAME = "madoguchi-bundle";

  private final RepositoryService repositoryService;
  private final BundleValidator validator;
  private final VersionPreview preview;
  private final EngineAuthorizations engineAuthorizations;
  private final AsMadoguchi asMadoguchi;
  private final TenantDefinitions definitions;

  DeploymentService(RepositoryService repositoryService, BundleValidator validator, VersionPreview preview,
      EngineAuthorizations engineAuthorizations, AsMadoguchi asMadoguchi, TenantDefinitions definitions) {
    this.repositoryService = repositoryService;
    this.validator = validator;
    this.preview = preview;
    this.engineAuthorizations = engineAuthorizations;
    this.asMadoguchi = asMadoguchi;
    this.definitions = definitions;
  }

  /**
   * Checks {@code files} and, unless {@code dryRun}, deploys them as one deployment named {@code name}.
   *
   * @throws InvalidBundleException with every problem, per file and element, when anything cannot be deployed
   */
  @Transactional(rollbackFor = InvalidBundleException.class)
  public DeploymentSummary deploy(String name, List<BundleFile> files, boolean scriptsAllowed, boolean dryRun,
      String tenantId) {
    BundleValidator.Findings findings = validator.validate(files, scriptsAllowed);
    if (!findings.problems().isEmpty()) {
      throw new InvalidBundleException(findings.problems());
    }
    VersionPreview.Preview changes = preview.of(name, files);
    List<String> fileNames = files.stream().map(BundleFile::name).toList();
    if (dryRun) {
      return new DeploymentSummary(null, name, tenantId, true, List.of(), List.of(), fileNames, changes.processes(),
          changes.decisions(), findings.warnings());
    }
    DeploymentBuilder builder = repositoryService.createDeployment().name(name).source(SOURCE)
        .tenantId(tenantId).enableDuplicateFiltering(true);
    files.forEach(file -> builder.addInputStream(file.name(), new ByteArrayInputStream(file.content())));
    DeploymentWithDefinitions deployment;
    // before the grants, which read the definitions after the commit too
    definitions.forgetAfterCommit();
    try {
      if (tenantId == null) {
        deployment = builder.deployWithResult();
        engineAuthorizations.grantAfterCommit();
      } else {
        deployment = asMadoguchi.call(builder::deployWithResult);
      }
    } catch (ParseException e) {
      throw new InvalidBundleException(problemsOf(e));
    } catch (ProcessEngineException e) {
      throw new InvalidBundleException(List.of(new BundleProblem(null, null,
          "エンジンが配置を拒否しました: " + firstLine(e.getMessage()))));
    }
    List<DeploymentSummary.Deployed> processes = Optional.ofNullable(deployment.getDeployedProcessDefinitions())
        .orElse(List.of()).stream().map(d -> new DeploymentSummary.Deployed(d.getKey(), d.getVersion(), d.getId()))
        .toList();
    List<DeploymentSummary.Deployed> decisions = Optional.ofNullable(deployment.getDeployedDecisionDefinitions())
        .orElse(List.of()).stream().map(d -> new DeploymentSummary.Deployed(d.getKey(), d.getVersion(), d.getId()))
        .toList();
    return new DeploymentSummary(deployment.getId(), deployment.getName(), deployment.getTenantId(), false,
        processes, decisions, fileNames,
        changes.processes().stream().map(change -> deployedVersion(change, processes)).toList(),
        changes.decisions().stream().map(change -> deployedVersion(change, decisions)).toList(), findings.warnings());
  }

  /** The change as deployed: the version the engine gave the key, or the previous one when it skipped the file. */
  private static DeploymentSummary.ProcessChange deployedVersion(DeploymentSummary.ProcessChange change,
      List<DeploymentSummary.Deployed> deployed) {
    Optional<Integer> version = versionOf(change.key(), deployed);
    return new DeploymentSummary.ProcessChange(change.key(), change.name(), change.file(), change.previousVersion(),
        version.orElse(change.previousVersion()), version.isEmpty(), change.metricsBefore(), change.metricsAfter());
  }

  private static DeploymentSummary.DecisionChange deployedVersion(DeploymentSummary.DecisionChange change,
      List<DeploymentSummary.Deployed> deployed) {
    Optional<Integer> version = versionOf(change.key(), deployed);
    return new DeploymentSummary.DecisionChange(change.key(), change.name(), change.file(), change.previousVersion(),
        version.orElse(change.previousVersion()), version.isEmpty());
  }

  private static Optional<Integer> versionOf(String key, List<DeploymentSummary.Deployed> deployed) {
    return deployed.stream().filter(d -> d.key().equals(key)).map(DeploymentSummary.Deployed::version).findFirst();
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

  /** The bundle is refused; nothing of it is deployed. */
  public static class InvalidBundleException extends RuntimeException {

    private final transient List<BundleProblem> problems;

    InvalidBundleException(List<BundleProblem> problems) {
      super("invalid bundle");
      this.problems = List.copyOf(problems);
    }

    public List<BundleProblem> problems() {
      return problems;
    }
  }
}
