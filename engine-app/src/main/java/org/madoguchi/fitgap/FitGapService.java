package org.madoguchi.fitgap;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinitionQuery;
import org.madoguchi.bpr.FitGap;
import org.madoguchi.bpr.ProcessComparison;
import org.madoguchi.system.ApiException;
import org.springframework.stereotype.Service;

/**
 * Fit and gap (フィット＆ギャップ) between two deployed process versions: how far a variant (later, a municipality's
 * override) departs from the standard model, element by element ({@link ProcessComparison}).
 */
@Service
public class FitGapService {

  private final RepositoryService repositoryService;

  FitGapService(RepositoryService repositoryService) {
    this.repositoryService = repositoryService;
  }

  /** A deployed process version. */
  public record Version(String id, String key, String name, int version) {
  }

  /** The two versions compared and what differs. */
  public record Comparison(Version standard, Version variant, FitGap fitGap) {
  }

  /** Compares two process definitions, each given by its id or by its key and version (latest when no version). */
  public Comparison compare(Selector standard, Selector variant) {
    ProcessDefinition before = definition(standard, "standard");
    ProcessDefinition after = definition(variant, "variant");
    FitGap fitGap = ProcessComparison.compare(repositoryService.getBpmnModelInstance(before.getId()), before.getKey(),
        repositoryService.getBpmnModelInstance(after.getId()), after.getKey());
    return new Comparison(version(before), version(after), fitGap);
  }

  /** Which version: a definition id, or a key with an optional version number. */
  public record Selector(String id, String key, Integer version) {

    boolean isEmpty() {
      return isBlank(id) && isBlank(key);
    }
  }

  private ProcessDefinition definition(Selector selector, String role) {
    if (selector == null || selector.isEmpty()) {
      throw ApiException.badRequest("version-required", "比較する2つの版を、それぞれ ID（" + role + "）か、キーと版（"
          + role + "Key・" + role + "Version）で指定してください。");
    }
    if (selector.version() != null && selector.version() < 1) {
      throw ApiException.badRequest("invalid-version", "版の番号は1以上で指定してください。");
    }
    ProcessDefinitionQuery query = repositoryService.createProcessDefinitionQuery();
    if (!isBlank(selector.id())) {
      query.processDefinitionId(selector.id());
    } else {
      query.processDefinitionKey(selector.key()).withoutTenantId();
      if (selector.version() == null) {
        query.latestVersion();
      } else {
        query.processDefinitionVersion(selector.version());
      }
    }
    ProcessDefinition definition = query.singleResult();
    if (definition == null) {
      throw ApiException.notFound("process-version-not-found", "指定されたプロセスの版は見つかりません。");
    }
    return definition;
  }

  private static Version version(ProcessDefinition definition) {
    return new Version(definition.getId(), definition.getKey(),
        definition.getName() == null ? definition.getKey() : definition.getName(), definition.getVersion());
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
