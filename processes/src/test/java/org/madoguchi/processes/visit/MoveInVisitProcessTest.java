package org.madoguchi.processes.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doNothing;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "bpmn/move-in-visit.bpmn")
class MoveInVisitProcessTest {

  private static final String VISIT_ID = "visit-1";

  private final JavaDelegate registerMoveIn = mock(JavaDelegate.class);
  private final JavaDelegate archiveApplications = mock(JavaDelegate.class);
  private final JavaDelegate spawnRelatedProcedures = mock(JavaDelegate.class);

  @BeforeEach
  void registerDelegates() {
    Mocks.register("registerMoveInDelegate", registerMoveIn);
    Mocks.register("archiveSignedApplicationsDelegate", archiveApplications);
    Mocks.register("spawnRelatedProceduresDelegate", spawnRelatedProcedures);
  }

  @AfterEach
  void resetDelegates() {
    Mocks.reset();
  }

  @Test
  void signedVisitRegistersTheMoveInThenStartsTheRelatedProcedures() throws Exception {
    ProcessInstance visit = openVisit();
    assertThat(visit).isWaitingAt("Interview");
    assertThat(task()).hasCandidateGroup("counter");

    complete(task());
    assertThat(visit).isWaitingAt("ConfirmAndSign");
    assertThat(task()).hasCandidateGroup("counter");

    complete(task());
    assertThat(visit).isWaitingAt("RegisterMoveIn");
    verify(registerMoveIn, never()).execute(any());

    execute(job());
    assertThat(visit).isWaitingAt("ArchiveApplications");
    verify(registerMoveIn, times(1)).execute(any());

    execute(job());
    assertThat(visit).isWaitingAt("SpawnRelatedProcedures");
    verify(archiveApplications, times(1)).execute(any());

    execute(job());
    assertThat(visit).isEnded().hasPassedInOrder(
        "VisitOpened", "Interview", "ConfirmAndSign", "RegisterMoveIn", "ArchiveApplications",
        "SpawnRelatedProcedures", "RelatedProceduresStarted");
    verify(spawnRelatedProcedures, times(1)).execute(any());
  }

  @Test
  void failingRegistryEndsInAnIncidentThatCompletesTheVisitWhenRetried() throws Exception {
    ProcessInstance visit = signedVisit();
    doThrow(new IllegalStateException("registry unavailable")).when(registerMoveIn).execute(any());

    exhaustRetries();

    assertThat(visit).isWaitingAt("RegisterMoveIn");
    assertThat(runtimeService().createIncidentQuery().processInstanceId(visit.getId()).count()).isEqualTo(1);
    verify(spawnRelatedProcedures, never()).execute(any());

    doNothing().when(registerMoveIn).execute(any());
    retryIncident();
    execute(job(visit));
    execute(job(visit));

    assertThat(visit).isEnded();
    verify(spawnRelatedProcedures, times(1)).execute(any());
  }

  @Test
  void failingSpawnIsRetriedWithoutRegisteringTheMoveInAgain() throws Exception {
    ProcessInstance visit = signedVisit();
    doThrow(new IllegalStateException("engine busy")).when(spawnRelatedProcedures).execute(any());

    execute(job(visit));
    execute(job(visit));
    exhaustRetries();

    assertThat(visit).isWaitingAt("SpawnRelatedProcedures");
    assertThat(runtimeService().createIncidentQuery().processInstanceId(visit.getId()).count()).isEqualTo(1);

    doNothing().when(spawnRelatedProcedures).execute(any());
    retryIncident();

    assertThat(visit).isEnded();
    verify(registerMoveIn, times(1)).execute(any());
    verify(archiveApplications, times(1)).execute(any());
  }

  @Test
  void failingArchiveIsRetriedWithoutRegisteringAgainAndStartsNothingUntilItSucceeds() throws Exception {
    ProcessInstance visit = signedVisit();
    doThrow(new IllegalStateException("no Japanese font")).when(archiveApplications).execute(any());

    execute(job(visit));
    exhaustRetries();

    assertThat(visit).isWaitingAt("ArchiveApplications");
    verify(spawnRelatedProcedures, never()).execute(any());

    doNothing().when(archiveApplications).execute(any());
    retryIncident();
    execute(job(visit));

    assertThat(visit).isEnded();
    verify(registerMoveIn, times(1)).execute(any());
    verify(spawnRelatedProcedures, times(1)).execute(any());
  }

  @Test
  void modelDeclaresItsLifeEventDecisionAndRetention() {
    Process process = repositoryService()
        .getBpmnModelInstance(repositoryService().createProcessDefinitionQuery()
            .processDefinitionKey("move-in-visit").singleResult().getId())
        .getModelElementById("move-in-visit");

    Map<String, String> properties = process.getExtensionElements()
        .getElementsQuery().filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties.class)
        .singleResult().getCamundaProperties().stream()
        .collect(Collectors.toMap(CamundaProperty::getCamundaName, CamundaProperty::getCamundaValue));

    assertThat(properties)
        .containsEntry("madoguchi.lifeEvent", "MOVE_IN")
        .containsEntry("madoguchi.relatedProceduresDecision", "move-in-related-procedures");
    assertThat(process.getCamundaHistoryTimeToLiveString()).isEqualTo("1825");
  }

  private ProcessInstance openVisit() {
    return runtimeService().startProcessInstanceByKey("move-in-visit", VISIT_ID, Map.of("visitId", VISIT_ID));
  }

  private ProcessInstance signedVisit() {
    ProcessInstance visit = openVisit();
    complete(task(visit));
    complete(task(visit));
    return visit;
  }

  /** Runs the current job until the engine gives up on it (R3: three tries). */
  private void exhaustRetries() {
    for (int attempt = 0; attempt < 3; attempt++) {
      Job current = managementService().createJobQuery().singleResult();
      try {
        managementService().executeJob(current.getId());
      } catch (RuntimeException expected) {
        // the delegate's failure, recorded by the engine as a failed try
      }
    }
    assertThat(managementService().createJobQuery().singleResult().getRetries()).isZero();
  }

  private void retryIncident() {
    Job failed = managementService().createJobQuery().singleResult();
    managementService().setJobRetries(failed.getId(), 1);
    execute(failed);
  }
}
