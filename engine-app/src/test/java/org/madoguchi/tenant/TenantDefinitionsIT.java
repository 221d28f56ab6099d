package org.madoguchi.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.madoguchi.support.ApplicationOnH2;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The latest versions are kept between calls (the benchmark shows the queries saved); a deployment or deletion made
 * past Madoguchi is still found, within the recheck interval.
 */
@ApplicationOnH2
class TenantDefinitionsIT {

  private static final String KAGOSHIMA = "462012";

  @Autowired
  TenantDefinitions definitions;
  @Autowired
  RepositoryService repositoryService;

  @Test
  void aVersionDeployedThroughTheEngineIsRunWithinASecondAndAfterForgettingAtOnce() {
    String key = "definitions-test-" + System.nanoTime() % 1_000_000;
    ProcessDefinition first = deploy(key, null);
    definitions.forget();
    assertThat(definitions.latestProcess(key, KAGOSHIMA)).map(ProcessDefinition::getId).contains(first.getId());
    long generation = definitions.generation(KAGOSHIMA);

    // deployed past Madoguchi (as through Cockpit or another node): found at the next check
    ProcessDefinition second = deploy(key, null);
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(definitions.latestProcess(key, KAGOSHIMA))
        .map(ProcessDefinition::getId).contains(second.getId()));
    assertThat(definitions.generation(KAGOSHIMA)).isNotEqualTo(generation);

    // the municipality's own version wins over the shared one, for that municipality only
    ProcessDefinition own = deploy(key, KAGOSHIMA);
    definitions.forget();
    assertThat(definitions.latestProcess(key, KAGOSHIMA)).map(ProcessDefinition::getId).contains(own.getId());
    assertThat(definitions.latestProcess(key, null)).map(ProcessDefinition::getId).contains(second.getId());

    // a deleted version is no longer run once the deletion is seen
    repositoryService.deleteDeployment(own.getDeploymentId(), true);
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(definitions.latestProcess(key, KAGOSHIMA))
        .map(ProcessDefinition::getId).contains(second.getId()));
  }

  private ProcessDefinition deploy(String key, String tenantId) {
    String xml = """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
            id="D" targetNamespace="test">
          <process id="%s" name="版" isExecutable="true" camunda:historyTimeToLive="30">
            <startEvent id="Start"/><userTask id="Work"/><endEvent id="End"/>
            <sequenceFlow id="F1" sourceRef="Start" targetRef="Work"/><sequenceFlow id="F2" sourceRef="Work" targetRef="End"/>
          </process>
        </definitions>""".formatted(key);
    String deploymentId = repositoryService.createDeployment().tenantId(tenantId).addString(key + ".bpmn", xml)
        .deploy().getId();
    return repositoryService.createProcessDefinitionQuery().deploymentId(deploymentId).singleResult();
  }
}
