package org.madoguchi.tenant;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.DecisionDefinitionQuery;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinitionQuery;
import org.camunda.bpm.engine.repository.ResourceDefinition;
import org.madoguchi.security.AsMadoguchi;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The process and decision definitions a municipality runs. The standard definitions are deployed without a
 * tenant id and shared by every municipality; a municipality that deployed its own version of one (an
 * override, with its tenant id) runs the latest of its own instead. The filter is explicit and the definitions are
 * read {@linkplain AsMadoguchi as Madoguchi}, so the answer is the same in a request, for an installation
 * administrator and in the job executor.
 *
 * <p>Nearly every call of the API asks which version a municipality runs, so the answer is kept per municipality and
 * read again only when the deployments may have changed: at once after a deployment through Madoguchi on this node
 * ({@link #forget()}), and otherwise when a check, made at most every {@link #RECHECK_AFTER}, finds another newest
 * deployment or another number of definitions. A version deployed through Cockpit, {@code /engine-rest} or another
 * node is therefore used from at most that long after its deployment.
 */
@Component
public class TenantDefinitions {

  /** How long what a municipality runs is taken as read before the engine is asked whether anything changed. */
  static final Duration RECHECK_AFTER = Duration.ofSeconds(1);

  private final RepositoryService repositoryService;
  private final AsMadoguchi asMadoguchi;
  /** By tenant id; the shared definitions only under {@link #SHARED}. */
  private final Map<String, Latest> latest = new ConcurrentHashMap<>();
  private static final String SHARED = "";
  /** Never repeats, across municipalities and {@link #forget()}. */
  private final AtomicLong generations = new AtomicLong();
  /** How many times {@link #forget()} was called: a read that saw another number is not kept. */
  private final AtomicLong forgets = new AtomicLong();

  TenantDefinitions(RepositoryService repositoryService, AsMadoguchi asMadoguchi) {
    this.repositoryService = repositoryService;
    this.asMadoguchi = asMadoguchi;
  }

  /** The process {@code key} that municipality {@code tenantId} runs (null: the shared one only). */
  public Optional<ProcessDefinition> latestProcess(String key, String tenantId) {
    return Optional.ofNullable(latest(tenantId).processes().get(key));
  }

  /** Every process the municipality runs, one per key. */
  public List<ProcessDefinition> latestProcesses(String tenantId) {
    return List.copyOf(latest(tenantId).processes().values());
  }

  /**
   * A number that changes whenever what the municipality runs may have changed (a deployment, a deleted
   * deployment), for callers that keep something derived from the definitions.
   */
  public long generation(String tenantId) {
    return latest(tenantId).generation();
  }

  public Optional<DecisionDefinition> latestDecision(String key, String tenantId) {
    return Optional.ofNullable(latest(tenantId).decisions().get(key));
  }

  public List<DecisionDefinition> latestDecisions(String tenantId) {
    return List.copyOf(latest(tenantId).decisions().values());
  }

  /** Reads every municipality's definitions again at their next use. */
  public void forget() {
    synchronized (latest) {
      forgets.incrementAndGet();
      latest.clear();
    }
  }

  /**
   * {@link #forget()} now and once the current transaction, which deploys, has ended (at once without one): a read
   * before the commit would keep the definitions as they were, and a rolled-back deployment must not be run.
   */
  public void forgetAfterCommit() {
    forget();
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          // before the synchronizations registered after this one, such as the grants for a new process key
          forget();
        }

        @Override
        public void afterCompletion(int status) {
          if (status != STATUS_COMMITTED) {
            forget();
          }
        }
      });
    }
  }

  /** What the deployments looked like when the definitions were read: any change means reading them again. */
  private record Stamp(String newestDeploymentId, long processVersions, long decisionVersions) {
  }

  private record Latest(Stamp stamp, long generation, long checkedAtNanos, Map<String, ProcessDefinition> processes,
      Map<String, DecisionDefinition> decisions) {
  }

  private Latest latest(String tenantId) {
    String key = tenantId == null ? SHARED : tenantId;
    long epoch = forgets.get();
    Latest known = latest.get(key);
    long now = System.nanoTime();
    if (known != null && now - known.checkedAtNanos() < RECHECK_AFTER.toNanos()) {
      return known;
    }
    return asMadoguchi.call(() -> {
      Stamp stamp = stamp(tenantId);
      Latest read;
      if (known != null && known.stamp().equals(stamp)) {
        read = new Latest(stamp, known.generation(), now, known.processes(), known.decisions());
      } else {
        read = new Latest(stamp, generations.incrementAndGet(), now,
            byKey(latestProcesses(processes(tenantId), tenantId)),
            byKey(preferTenant(decisions(tenantId).latestVersion().list(), tenantId)));
      }
      synchronized (latest) {
        // a forget() during the read: what was read may predate the deployment it was for
        if (forgets.get() == epoch) {
          latest.put(key, read);
        }
      }
      return read;
    });
  }

  private Stamp stamp(String tenantId) {
    List<Deployment> newest = repositoryService.createDeploymentQuery().orderByDeploymentTime().desc().listPage(0, 1);
    return new Stamp(newest.isEmpty() ? null : newest.get(0).getId(), processes(tenantId).count(),
        decisions(tenantId).count());
  }

  private static <T extends ResourceDefinition> Map<String, T> byKey(List<T> definitions) {
    Map<String, T> byKey = new LinkedHashMap<>();
    definitions.forEach(definition -> byKey.put(definition.getKey(), definition));
    return byKey;
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
