package org.madoguchi.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.AuthorizationQuery;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.madoguchi.procedure.ProcedureCatalog;
import org.madoguchi.tenant.TenantDefinitions;
import org.madoguchi.visit.LifeEventCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What each role may do through the engine, which checks the calls a signed-in staff member makes (the Visit and
 * task APIs, the pages, {@code /engine-rest}, the Camunda webapps) against these grants, within the staff member's
 * own municipality (the engine's tenant check); a task, which Madoguchi works {@linkplain AsMadoguchi as itself}, it
 * checks against the same grants first:
 *
 * <ul>
 *   <li>everyone signed in: read the models — process and decision definitions, deployments (forms) — and the
 *       groups' names the pages show;
 *   <li>{@value Roles#ADMIN_GROUP}: everything, on every resource (the Camunda webapps need it; the engine does not
 *       exempt the group from its checks);
 *   <li>{@value Roles#COUNTER_GROUP}: start the visit processes the shared models declare, and read the cases, tasks
 *       and history of those and of every procedure: the one-stop counter follows every case a visit starts;
 *   <li>each department: read the cases, tasks and history of the procedures the shared models give it;
 *   <li>{@value Roles#TENANT_ADMIN_GROUP}: read every case, task and history (its municipality's, by the tenant
 *       check), and sign in to Cockpit;
 *   <li>{@value Roles#ADVISOR_GROUP}: the models only.
 * </ul>
 *
 * <p>Nobody but administrators gets a grant to work tasks, to change or delete cases, to deploy or to touch the
 * identity store: staff claim and complete the tasks whose candidates they are by the grants the engine itself
 * makes for each task's candidate groups and assignee ({@code defaultUserPermissionNameForTask: TASK_WORK}), so a
 * department works the steps its model gives it and no other. Only the shared models (deployed without a municipality)
 * decide the grants per process key; a municipality's own version of a model changes nothing here, since a grant
 * names a key in every municipality. Where Madoguchi shows staff more than these grants cover — a visit's status
 * across every department's procedures — it reads {@linkplain AsMadoguchi as itself}.
 *
 * <p>Granted on every start, before the demo data (a group need not exist to be granted something), and again after
 * each deployment of shared models through Madoguchi: what is there is left as it is, what is missing is added,
 * nothing is ever taken away (an administrator deletes or narrows a grant in Camunda Admin; revokes are not
 * consulted). The Spring Boot starter makes the administrators' grants only when it creates
 * {@code camunda.bpm.admin-user}, which Madoguchi does not configure; an installation that does finds them here as
 * made, and nothing is added twice.
 * Nodes starting together may both try to add the same grant; the engine's unique key on each authorization refuses
 * the second, which then reads the first and finds nothing to do. Open tasks without any grant — created while
 * authorizations were off — get the grants the engine would have made for them.
 */
@Component
@Order(-2)
public class EngineAuthorizations implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(EngineAuthorizations.class);
  /** Tries per grant: a concurrent node's write makes one try fail, the next one reads it. */
  private static final int ATTEMPTS = 3;
  /** The Camunda webapps a municipality's administrator signs in to. */
  private static final List<String> TENANT_ADMIN_APPLICATIONS = List.of("cockpit", "welcome");

  private final AuthorizationService authorizationService;
  private final TaskService taskService;
  private final TenantDefinitions definitions;
  private final ProcedureCatalog procedures;
  private final LifeEventCatalog lifeEvents;
  private final AsMadoguchi asMadoguchi;
  private final ProcessEngineConfigurationImpl engineConfiguration;
  private final TransactionTemplate newTransaction;

  EngineAuthorizations(AuthorizationService authorizationService, TaskService taskService,
      TenantDefinitions definitions, ProcedureCatalog procedures, LifeEventCatalog lifeEvents, AsMadoguchi asMadoguchi,
      ProcessEngineConfigurationImpl engineConfiguration, PlatformTransactionManager transactionManager) {
    this.authorizationService = authorizationService;
    this.taskService = taskService;
    this.definitions = definitions;
    this.procedures = procedures;
    this.lifeEvents = lifeEvents;
    this.asMadoguchi = asMadoguchi;
    this.engineConfiguration = engineConfiguration;
    this.newTransaction = new TransactionTemplate(transactionManager);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * One authorization: to everyone signed in (global, user {@code *}), a group or a user, on one resource id or on
   * every one ({@code *}).
   */
  record Grant(int type, String userId, String groupId, Resource resource, String resourceId,
      Set<Permission> permissions) {

    static Grant toEveryone(Resource resource, Permission... permissions) {
      return new Grant(AUTH_TYPE_GLOBAL, ANY, null, resource, ANY, Set.copyOf(Arrays.asList(permissions)));
    }

    static Grant toGroup(String groupId, Resource resource, String resourceId, Permission... permissions) {
      return new Grant(AUTH_TYPE_GRANT, null, groupId, resource, resourceId, Set.copyOf(Arrays.asList(permissions)));
    }

    static Grant toUser(String userId, Resource resource, String resourceId, Permission... permissions) {
      return new Grant(AUTH_TYPE_GRANT, userId, null, resource, resourceId, Set.copyOf(Arrays.asList(permissions)));
    }

    /** The engine keeps one authorization per type, user or group, resource type and id. */
    String key() {
      return type + "/" + userId + "/" + groupId + "/" + resource.resourceType() + "/" + resourceId;
    }

    Grant with(Set<Permission> more) {
      Set<Permission> all = new HashSet<>(permissions);
      all.addAll(more);
      return new Grant(type, userId, groupId, resource, resourceId, Set.copyOf(all));
    }
  }

  /**
   * What the engine missed when it refused a call, for the log: each permission and the kind of resource it was
   * missing on, without the resource's id.
   */
  public static String missing(AuthorizationException refusal) {
    return refusal.getMissingAuthorizations().stream()
        .map(missing -> missing.getViolatedPermissionName() + " on " + missing.getResourceType()).distinct()
        .collect(Collectors.joining(", "));
  }

  @Override
  public void run(ApplicationArguments args) {
    grant();
  }

  /**
   * Grants what the shared models deployed in the current transaction need, once it has committed (before, a new
   * transaction would not see them).
   */
  public void grantAfterCommit() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      grant();
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        grant();
      }
    });
  }

  /** Adds what is missing of {@link #plan()} and of the open tasks' grants; how many authorizations it wrote. */
  public int grant() {
    return asMadoguchi.call(() -> {
      int written = 0;
      for (Grant grant : plan()) {
        written += ensure(grant) ? 1 : 0;
      }
      written += grantOpenTasksWithoutAny();
      if (written > 0) {
        log.info("Engine authorizations: {} added or extended", written);
      }
      return written;
    });
  }

  /** Every role's grants, one per authorization the engine keeps (see the class comment). */
  private List<Grant> plan() {
    List<Grant> grants = new ArrayList<>();
    grants.add(Grant.toEveryone(Resources.PROCESS_DEFINITION, ProcessDefinitionPermissions.READ));
    grants.add(Grant.toEveryone(Resources.DECISION_DEFINITION, Permissions.READ));
    grants.add(Grant.toEveryone(Resources.DECISION_REQUIREMENTS_DEFINITION, Permissions.READ));
    grants.add(Grant.toEveryone(Resources.DEPLOYMENT, Permissions.READ));
    grants.add(Grant.toEveryone(Resources.GROUP, Permissions.READ));

    for (Resources resource : Resources.values()) {
      grants.add(Grant.toGroup(Roles.ADMIN_GROUP, resource, ANY, Permissions.ALL));
    }

    grants.add(Grant.toGroup(Roles.COUNTER_GROUP, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE));
    for (String visitProcess : lifeEvents.sharedVisitProcessKeys()) {
      grants.add(Grant.toGroup(Roles.COUNTER_GROUP, Resources.PROCESS_DEFINITION, visitProcess,
          ProcessDefinitionPermissions.CREATE_INSTANCE, ProcessDefinitionPermissions.READ_INSTANCE,
          ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_TASK));
    }
    for (ProcessDefinition shared : definitions.latestProcesses(null)) {
      procedures.forDefinition(shared.getId()).ifPresent(procedure -> {
        for (String group : List.of(Roles.COUNTER_GROUP, procedure.department())) {
          grants.add(Grant.toGroup(group, Resources.PROCESS_DEFINITION, procedure.processKey(),
              ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
              ProcessDefinitionPermissions.READ_TASK));
        }
      });
    }

    grants.add(Grant.toGroup(Roles.TENANT_ADMIN_GROUP, Resources.PROCESS_DEFINITION, ANY,
        ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
        ProcessDefinitionPermissions.READ_TASK));
    grants.add(Grant.toGroup(Roles.TENANT_ADMIN_GROUP, Resources.DECISION_DEFINITION, ANY,
        Permissions.READ_HISTORY));
    for (String application : TENANT_ADMIN_APPLICATIONS) {
      grants.add(Grant.toGroup(Roles.TENANT_ADMIN_GROUP, Resources.APPLICATION, application, Permissions.ACCESS));
    }
    return merged(grants);
  }

  /** Grants on the same authorization become one, with all their permissions. */
  private static List<Grant> merged(List<Grant> grants) {
    Map<String, Grant> byKey = new LinkedHashMap<>();
    grants.forEach(grant -> byKey.merge(grant.key(), grant, (one, other) -> one.with(other.permissions())));
    return List.copyOf(byKey.values());
  }

  /** Whether it wrote the grant: added it, or added permissions to the authorization already there. */
  private boolean ensure(Grant grant) {
    for (int attempt = 1; ; attempt++) {
      try {
        return Boolean.TRUE.equals(newTransaction.execute(status -> ensureOnce(grant)));
      } catch (ProcessEngineException | DataAccessException concurrentWrite) {
        // Most likely another node added or changed the same authorization since this one read it; the engine has
        // logged the refused write as an error already.
        if (attempt == ATTEMPTS) {
          throw concurrentWrite;
        }
        log.info("Engine authorizations: {} was written by another node at the same moment; reading it again",
            grant.key());
      }
    }
  }

  private boolean ensureOnce(Grant grant) {
    AuthorizationQuery query = authorizationService.createAuthorizationQuery().authorizationType(grant.type())
        .resourceType(grant.resource()).resourceId(grant.resourceId());
    Authorization authorization = (grant.userId() != null ? query.userIdIn(grant.userId())
        : query.groupIdIn(grant.groupId())).singleResult();
    if (authorization == null) {
      authorization = authorizationService.createNewAuthorization(grant.type());
      authorization.setUserId(grant.userId());
      authorization.setGroupId(grant.groupId());
      authorization.setResource(grant.resource());
      authorization.setResourceId(grant.resourceId());
    } else if (grant.permissions().stream().allMatch(authorization::isPermissionGranted)) {
      return false;
    }
    grant.permissions().forEach(authorization::addPermission);
    authorizationService.saveAuthorization(authorization);
    return true;
  }

  /**
   * Gives each open task that has no grant at all — it was created while the engine's authorizations were off — the
   * grants the engine gives a new task's candidates, assignee and owner, so its case can go on.
   */
  private int grantOpenTasksWithoutAny() {
    // Tasks first: a task's own grants commit with it, so every task listed has them in the second query.
    List<Task> tasks = taskService.createTaskQuery().list();
    Set<String> tasksWithGrants = authorizationService.createAuthorizationQuery().resourceType(Resources.TASK).list()
        .stream().map(Authorization::getResourceId).collect(Collectors.toSet());
    Permission work = engineConfiguration.getDefaultUserPermissionForTask();
    int written = 0;
    for (Task task : tasks) {
      if (tasksWithGrants.contains(task.getId())) {
        continue;
      }
      List<IdentityLink> people;
      try {
        people = taskService.getIdentityLinksForTask(task.getId());
      } catch (NullValueException completedMeanwhile) {
        continue;
      }
      List<Grant> grants = new ArrayList<>();
      for (IdentityLink person : people) {
        if (person.getUserId() != null) {
          grants.add(Grant.toUser(person.getUserId(), Resources.TASK, task.getId(), TaskPermissions.READ, work));
        } else if (person.getGroupId() != null) {
          grants.add(Grant.toGroup(person.getGroupId(), Resources.TASK, task.getId(), TaskPermissions.READ, work));
        }
      }
      for (Grant grant : merged(grants)) {
        written += ensure(grant) ? 1 : 0;
      }
    }
    return written;
  }
}
