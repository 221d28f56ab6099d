package org.madoguchi.deployment;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.Resource;
import org.madoguchi.forms.FormCatalog;
import org.madoguchi.forms.FormDefinition;
import org.madoguchi.forms.FormDefinitionException;
import org.springframework.stereotype.Component;

/**
 * The forms the engine holds: the latest deployed version of each form id (a {@code .form} resource's {@code id}),
 * read through the repository's public API, which has no query for forms, by looking through the deployments
 * newest first.
 */
@Component
class DeployedForms {

  private final RepositoryService repositoryService;

  DeployedForms(RepositoryService repositoryService) {
    this.repositoryService = repositoryService;
  }

  /** The latest deployed version of every form without a tenant. */
  FormCatalog latest() {
    List<FormDefinition> forms = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Deployment deployment : repositoryService.createDeploymentQuery().withoutTenantId()
        .orderByDeploymentTime().desc().list()) {
      for (Resource resource : repositoryService.getDeploymentResources(deployment.getId())) {
        if (!resource.getName().endsWith(FormCatalog.FILE_SUFFIX)) {
          continue;
        }
        try {
          FormDefinition form = FormDefinition.parse(new ByteArrayInputStream(resource.getBytes()));
          if (seen.add(form.id())) {
            forms.add(form);
          }
        } catch (FormDefinitionException e) {
          // A form the engine took without Madoguchi's checks (through Camunda's own REST API) still renders in
          // Tasklist; it only cannot be counted, so it is left out rather than failing every deployment after it.
        }
      }
    }
    return FormCatalog.of(forms);
  }
}
