package org.madoguchi.deployment;

import java.util.List;
import org.madoguchi.bpr.ProcessMetrics;

/**
 * What a deployment made, or on a dry run would make: the definitions deployed, and per process and decision key the
 * version that runs new cases before and after, with the burden metrics of the process before (the latest deployed
 * version) and after (the bundle's model); and the lint warnings, which do not block a deployment.
 *
 * @param deploymentId the deployment, {@code null} on a dry run
 * @param name the deployment's name
 * @param tenantId the municipality the definitions are for; {@code null}: shared by every municipality
 * @param dryRun whether this only says what a deployment would do
 * @param processes the process definitions deployed (none on a dry run, or when nothing changed)
 * @param decisions the decision definitions deployed
 * @param files the files of the bundle
 * @param processChanges per executable process of the bundle: versions and metrics before and after
 * @param decisionChanges per decision of the bundle: versions before and after
 * @param warnings lint warnings, per file and element
 */
public record DeploymentSummary(String deploymentId, String name, String tenantId, boolean dryRun, List<Deployed> processes,
    List<Deployed> decisions, List<String> files, List<ProcessChange> processChanges,
    List<DecisionChange> decisionChanges, List<BundleProblem> warnings) {

  /** A definition the deployment created. */
  public record Deployed(String key, int version, String id) {
  }

  /**
   * A process of the bundle.
   *
   * @param previousVersion the latest version before, {@code null} for a new process
   * @param version the latest version after: new cases start on it
   * @param unchanged the file equals what was last deployed under this deployment name, so the engine keeps the
   *     previous version
   * @param metricsBefore the burden metrics of the previous version, {@code null} for a new process
   * @param metricsAfter the burden metrics of the bundle's model
   */
  public record ProcessChange(String key, String name, String file, Integer previousVersion, int version,
      boolean unchanged, ProcessMetrics metricsBefore, ProcessMetrics metricsAfter) {
  }

  /** A decision of the bundle: the latest version before ({@code null} when new) and after. */
  public record DecisionChange(String key, String name, String file, Integer previousVersion, int version,
      boolean unchanged) {
  }
}
