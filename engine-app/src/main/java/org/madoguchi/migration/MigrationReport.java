package org.madoguchi.migration;

import java.util.List;

/**
 * The outcome of a migration or of its dry run: the activities mapped, those that cannot be mapped and why,
 * and per instance whether it moved (or would move).
 */
public record MigrationReport(
    String sourceDefinitionId,
    String targetDefinitionId,
    boolean dryRun,
    boolean migrated,
    List<Mapping> mappings,
    List<String> planProblems,
    List<InstanceResult> instances) {

  public record Mapping(String sourceActivityId, String targetActivityId) {
  }

  public record InstanceResult(String processInstanceId, String businessKey, boolean ok, List<String> problems) {
  }
}
