package org.madoguchi.processes.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doNothing;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The contract every procedure process keeps (processes/README.md, "Procedure processes"): the same
 * steps, ids, candidate groups and return paths, driven through each path for one model. A subclass
 * names the model ({@code @Deployment}) with its key, department and case scope.
 */
@ExtendWith(ProcessEngineExtension.class)
abstract class ProcedureProcessContract {

  private static final String HAND_OVER_DELEGATE = "handOverToDepartmentSystemDelegate";
  private static final String COUNTER = "counter";
  private static final String VISIT_ID = "visit-1";
  private static final Pattern JAPANESE = Pattern.compile("[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}]");

  private final String processKey;
  private final String processName;
  private final String department;
  private final String departmentName;
  private final String caseScope;

  private JavaDelegate handOverDelegate;

  protected ProcedureProcessContract(String processKey, String processName, String department,
      String departmentName, String caseScope) {
    this.processKey = processKey;
    this.processName = processName;
    this.department = department;
    this.departmentName = departmentName;
    this.caseScope = caseScope;
  }

  @BeforeEach
  void registerHandOverDelegate(ProcessEngine processEngine) {
    init(processEngine);
    handOverDelegate = mock(JavaDelegate.class);
    Mocks.register(HAND_OVER_DELEGATE, handOverDelegate);
  }

  @AfterEach
  void resetMocks() {
    Mocks.reset();
  }

  // --- paths ---------------------------------------------------------------------------------------

  @Test
  void acceptedCheckedAndApprovedApplicationIsHandedOverToTheDepartmentSystem() throws Exception {
    // given a procedure the visit started
    Map<String, Object> seenByDelegate = new HashMap<>();
    doAnswer(invocation -> {
      DelegateExecution execution = invocation.getArgument(0);
      seenByDelegate.put("businessKey", execution.getProcessBusinessKey());
      seenByDelegate.put("atenaNumbers", execution.getVariable("atenaNumbers"));
      return null;
    }).when(handOverDelegate).execute(any());
    ProcessInstance procedure = startProcedure();
    assertThat(procedure).isStarted().hasBusinessKey(VISIT_ID).isWaitingAt("Accept");
    assertThat(task(procedure)).hasCandidateGroup(COUNTER);

    // when the counter accepts it
    complete(task(procedure));

    // then the department checks it
    assertThat(procedure).isWaitingAt("Check");
    assertThat(task(procedure)).hasCandidateGroup(department);

    // when the check passes
    complete(task(procedure), withVariables("decision", "APPROVE"));

    // then the department approves it
    assertThat(procedure).isWaitingAt("Approve");
    assertThat(task(procedure)).hasCandidateGroup(department);

    // when it is approved
    complete(task(procedure), withVariables("decision", "APPROVE"));

    // then the hand-over waits as a job, not yet called
    assertThat(procedure).isWaitingAt("HandOver");
    verifyNoInteractions(handOverDelegate);

    // when the job runs
    execute(job(procedure));

    // then the procedure is complete and the department system got the case once
    assertThat(procedure).isEnded().hasPassedInOrder(
        "ApplicationReceived", "Accept", "Check", "CheckDecision", "Approve", "ApproveDecision",
        "HandOver", "ProcedureCompleted");
    assertThat(procedure).hasNotPassed("Correct");
    verify(handOverDelegate, times(1)).execute(any());
    assertThat(seenByDelegate)
        .containsEntry("businessKey", VISIT_ID)
        .containsEntry("atenaNumbers", atenaNumbers());
  }

  @Test
  void checkReturnedGoesToCorrectionAtTheCounterAndBackToCheck() throws Exception {
    // given a procedure accepted at the counter and waiting for the department's check
    ProcessInstance procedure = startProcedure();
    complete(task(procedure));
    assertThat(procedure).isWaitingAt("Check");

    // when the department returns it with a reason
    complete(task(procedure), withVariables("decision", "RETURN", "returnReason", "添付書類の記載が不足しています"));

    // then the counter corrects it, seeing the reason
    assertThat(procedure).isWaitingAt("Correct")
        .variables().containsEntry("returnReason", "添付書類の記載が不足しています");
    assertThat(task(procedure)).hasCandidateGroup(COUNTER);

    // when the counter has corrected it
    complete(task(procedure));

    // then the department checks it again
    assertThat(procedure).isWaitingAt("Check");
    assertThat(task(procedure)).hasCandidateGroup(department);

    // when it is checked and approved
    complete(task(procedure), withVariables("decision", "APPROVE"));
    complete(task(procedure), withVariables("decision", "APPROVE"));
    execute(job(procedure));

    // then it ends, having been checked twice
    assertThat(procedure).isEnded().hasPassedInOrder(
        "Accept", "Check", "CheckDecision", "Correct", "Check", "CheckDecision", "Approve",
        "HandOver", "ProcedureCompleted");
    assertThat(timesPassed(procedure, "Check")).isEqualTo(2);
    assertThat(timesPassed(procedure, "Correct")).isEqualTo(1);
    verify(handOverDelegate, times(1)).execute(any());
  }

  @Test
  void approvalReturnedGoesBackToCheckWithoutTheCounter() throws Exception {
    // given a checked procedure waiting for approval
    ProcessInstance procedure = startProcedure();
    complete(task(procedure));
    complete(task(procedure), withVariables("decision", "APPROVE"));
    assertThat(procedure).isWaitingAt("Approve");

    // when the approver returns it
    complete(task(procedure), withVariables("decision", "RETURN", "returnReason", "審査記録の確認が必要です"));

    // then the department checks it again, and the counter is not involved
    assertThat(procedure).isWaitingAt("Check").hasNotPassed("Correct")
        .variables().containsEntry("returnReason", "審査記録の確認が必要です");
    assertThat(task(procedure)).hasCandidateGroup(department);
    verifyNoInteractions(handOverDelegate);

    // when it is checked and approved again
    complete(task(procedure), withVariables("decision", "APPROVE"));
    assertThat(procedure).isWaitingAt("Approve");
    complete(task(procedure), withVariables("decision", "APPROVE"));
    execute(job(procedure));

    // then it ends, approved on the second attempt
    assertThat(procedure).isEnded().hasNotPassed("Correct");
    assertThat(timesPassed(procedure, "Check")).isEqualTo(2);
    assertThat(timesPassed(procedure, "Approve")).isEqualTo(2);
    verify(handOverDelegate, times(1)).execute(any());
  }

  @Test
  void failingHandOverBecomesAnIncidentAndCompletesOnceRetried() throws Exception {
    // given an approved procedure whose department system is down
    doThrow(new RuntimeException("department system unavailable"))
        .when(handOverDelegate).execute(any());
    ProcessInstance procedure = startProcedure();
    complete(task(procedure));
    complete(task(procedure), withVariables("decision", "APPROVE"));
    complete(task(procedure), withVariables("decision", "APPROVE"));
    assertThat(procedure).isWaitingAt("HandOver");

    // when the job is executed until its retries are used up
    int tries = 0;
    while (job(procedure).getRetries() > 0 && tries < 10) {
      String jobId = job(procedure).getId();
      assertThatThrownBy(() -> managementService().executeJob(jobId))
          .hasMessageContaining("department system unavailable");
      tries++;
    }

    // then R3 gave three tries, and an incident waits at the hand-over for an operator
    assertThat(tries).isEqualTo(3);
    assertThat(job(procedure)).hasRetries(0);
    verify(handOverDelegate, times(3)).execute(any());
    assertThat(procedure).isNotEnded().isWaitingAt("HandOver");
    List<Incident> incidents = runtimeService().createIncidentQuery()
        .processInstanceId(procedure.getId()).list();
    assertThat(incidents).singleElement().satisfies(incident -> {
      assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
      assertThat(incident.getActivityId()).isEqualTo("HandOver");
    });

    // when the system is back and the operator retries the job
    doNothing().when(handOverDelegate).execute(any());
    clearInvocations(handOverDelegate);
    Job failedJob = job(procedure);
    managementService().setJobRetries(failedJob.getId(), 1);
    execute(job(procedure));

    // then the procedure completes, the case handed over exactly once, and the incident is resolved
    assertThat(procedure).isEnded().hasPassed("HandOver", "ProcedureCompleted");
    verify(handOverDelegate, times(1)).execute(any());
    assertThat(runtimeService().createIncidentQuery().processInstanceId(procedure.getId()).count())
        .isZero();
  }

  // --- the model -----------------------------------------------------------------------------------

  @Test
  void declaresItsDepartmentCaseScopeAndRetention() {
    // given the deployed model
    ProcessDefinition definition = processDefinition();
    Process process = process();

    // then it is executable, kept five years, and names its owner and case scope
    assertThat(definition.getName()).isEqualTo(processName);
    assertThat(definition.getHistoryTimeToLive()).isEqualTo(1825);
    assertThat(process.isExecutable()).isTrue();
    assertThat(process.getCamundaHistoryTimeToLiveString()).isEqualTo("1825");
    assertThat(camundaProperties(process))
        .containsEntry("madoguchi.department", department)
        .containsEntry("madoguchi.caseScope", caseScope);
  }

  @Test
  void placesEveryFlowNodeInTheLaneOfWhoDoesIt() {
    // given the deployed model
    BpmnModelInstance model = model();
    Collection<FlowNode> flowNodes = model.getModelElementsByType(FlowNode.class);
    Lane counterLane = model.getModelElementById("Lane_Counter");
    Lane departmentLane = model.getModelElementById("Lane_Department");

    // then the counter lane holds the counter's steps and the department lane the rest
    assertThat(counterLane.getName()).isEqualTo("市民課 総合窓口");
    assertThat(departmentLane.getName()).isEqualTo(departmentName);
    assertThat(ids(counterLane.getFlowNodeRefs()))
        .containsExactlyInAnyOrder("ApplicationReceived", "Accept", "Correct");
    assertThat(ids(departmentLane.getFlowNodeRefs())).containsExactlyInAnyOrder(
        "Check", "CheckDecision", "Approve", "ApproveDecision", "HandOver", "ProcedureCompleted");

    // and every flow node is in exactly one lane
    Set<String> inLanes = model.getModelElementsByType(Lane.class).stream()
        .flatMap(lane -> lane.getFlowNodeRefs().stream())
        .map(BaseElement::getId)
        .collect(Collectors.toSet());
    assertThat(inLanes).containsExactlyInAnyOrderElementsOf(ids(flowNodes));
    assertThat(counterLane.getFlowNodeRefs().size() + departmentLane.getFlowNodeRefs().size())
        .isEqualTo(flowNodes.size());
  }

  @Test
  void assignsTheCounterAndTheDepartmentAndLetsOnlyCheckAndApprovalBeReturned() {
    // given the deployed model
    BpmnModelInstance model = model();
    UserTask accept = model.getModelElementById("Accept");
    UserTask check = model.getModelElementById("Check");
    UserTask correct = model.getModelElementById("Correct");
    UserTask approve = model.getModelElementById("Approve");

    // then the counter accepts and corrects, the department checks and approves
    assertThat(accept.getCamundaCandidateGroups()).isEqualTo(COUNTER);
    assertThat(correct.getCamundaCandidateGroups()).isEqualTo(COUNTER);
    assertThat(check.getCamundaCandidateGroups()).isEqualTo(department);
    assertThat(approve.getCamundaCandidateGroups()).isEqualTo(department);

    // and only check and approval can be returned
    assertThat(camundaProperties(check)).containsEntry("madoguchi.returnable", "true");
    assertThat(camundaProperties(approve)).containsEntry("madoguchi.returnable", "true");
    assertThat(camundaProperties(accept)).doesNotContainKey("madoguchi.returnable");
    assertThat(camundaProperties(correct)).doesNotContainKey("madoguchi.returnable");
    assertThat(model.getModelElementsByType(UserTask.class)).hasSize(4);
  }

  @Test
  void handsOverAsynchronouslyWithThreeTries() {
    // given the deployed model
    ServiceTask handOver = model().getModelElementById("HandOver");

    // then the hand-over is a retried job calling the department-system delegate
    assertThat(handOver.isCamundaAsyncBefore()).isTrue();
    assertThat(handOver.getCamundaDelegateExpression()).isEqualTo("${" + HAND_OVER_DELEGATE + "}");
    CamundaFailedJobRetryTimeCycle retryCycle = handOver.getExtensionElements().getElementsQuery()
        .filterByType(CamundaFailedJobRetryTimeCycle.class).singleResult();
    assertThat(retryCycle.getTextContent()).isEqualTo("R3/PT1M");
  }

  @Test
  void namesEveryStepInJapaneseAndDrawsItInTheDiagram() {
    // given the deployed model
    BpmnModelInstance model = model();
    Collection<FlowNode> flowNodes = model.getModelElementsByType(FlowNode.class);
    Collection<Lane> lanes = model.getModelElementsByType(Lane.class);
    Collection<SequenceFlow> flows = model.getModelElementsByType(SequenceFlow.class);

    // then every step and lane has a Japanese name
    assertThat(flowNodes).hasSize(9).allSatisfy(node ->
        assertThat(node.getName()).as(node.getId()).isNotBlank().containsPattern(JAPANESE));
    assertThat(lanes).allSatisfy(lane ->
        assertThat(lane.getName()).as(lane.getId()).containsPattern(JAPANESE));
    assertThat(model.<FlowNode>getModelElementById("ProcedureCompleted").getName()).isEqualTo("手続完了");

    // and the diagram draws every step and lane, and every flow with its waypoints
    Set<String> drawn = model.getModelElementsByType(BpmnShape.class).stream()
        .map(shape -> shape.getBpmnElement().getId())
        .collect(Collectors.toSet());
    assertThat(drawn).containsAll(ids(flowNodes)).containsAll(ids(lanes));
    Map<String, Integer> waypoints = new LinkedHashMap<>();
    model.getModelElementsByType(BpmnEdge.class)
        .forEach(edge -> waypoints.put(edge.getBpmnElement().getId(), edge.getWaypoints().size()));
    assertThat(waypoints.keySet()).containsExactlyInAnyOrderElementsOf(ids(flows));
    assertThat(waypoints.values()).allSatisfy(count -> assertThat(count).isGreaterThanOrEqualTo(2));
  }

  // --- helpers -------------------------------------------------------------------------------------

  private ProcessInstance startProcedure() {
    return runtimeService().startProcessInstanceByKey(processKey, VISIT_ID, withVariables(
        "visitId", VISIT_ID,
        "municipalityCode", "131016",
        "householdNumber", "H-0000123",
        "atenaNumbers", atenaNumbers()));
  }

  /** A household case lists every member concerned; a member case names one. */
  private String atenaNumbers() {
    return "HOUSEHOLD".equals(caseScope) ? "000000000101,000000000102" : "000000000101";
  }

  private long timesPassed(ProcessInstance procedure, String activityId) {
    return historyService().createHistoricActivityInstanceQuery()
        .processInstanceId(procedure.getId()).activityId(activityId).finished().count();
  }

  private ProcessDefinition processDefinition() {
    return repositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(processKey).latestVersion().singleResult();
  }

  private BpmnModelInstance model() {
    return repositoryService().getBpmnModelInstance(processDefinition().getId());
  }

  private Process process() {
    return model().getModelElementById(processKey);
  }

  private static Map<String, String> camundaProperties(BaseElement element) {
    Map<String, String> properties = new HashMap<>();
    if (element.getExtensionElements() == null) {
      return properties;
    }
    element.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list()
        .forEach(group -> group.getCamundaProperties().forEach(
            (CamundaProperty property) -> properties.put(property.getCamundaName(), property.getCamundaValue())));
    return properties;
  }

  private static Set<String> ids(Collection<? extends BaseElement> elements) {
    return elements.stream().map(BaseElement::getId).collect(Collectors.toSet());
  }
}
