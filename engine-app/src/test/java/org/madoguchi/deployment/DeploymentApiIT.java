package org.madoguchi.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.madoguchi.support.ApiClient.file;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.madoguchi.support.ApiClient;
import org.madoguchi.support.ApplicationOnH2;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Administrators deploy checked bundles; an invalid bundle is refused per file and element, and deploys nothing. A
 * valid one answers with what changes per key (versions, burden metrics before and after, lint warnings); a dry run
 * answers the same and deploys nothing.
 */
@ApplicationOnH2
class DeploymentApiIT {

  private static final AtomicInteger KEYS = new AtomicInteger();
  private static final Pattern ID = Pattern.compile("\\bid=\"([^\"]+)\"");

  @Autowired
  TestRestTemplate rest;
  @Autowired
  RepositoryService repositoryService;

  @Test
  void validBundleIsDeployedAsNewVersions() {
    String key = newKey();

    ResponseEntity<JsonNode> response = deploy("admin", "", file(key + ".bpmn", process(key)),
        file(key + "-decision.dmn", decision(key + "-decision", "camunda:historyTimeToLive=\"30\"")));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(response.getBody().path("processes").get(0).path("key").asText()).isEqualTo(key);
    assertThat(response.getBody().path("processes").get(0).path("version").asInt()).isEqualTo(1);
    assertThat(response.getBody().path("decisions").get(0).path("key").asText()).isEqualTo(key + "-decision");
    assertThat(response.getBody().path("decisionChanges").get(0).path("version").asInt()).isEqualTo(1);
    assertThat(response.getBody().path("decisionChanges").get(0).has("previousVersion")).isFalse();
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).count()).isEqualTo(1);
  }

  @Test
  void newVersionIsSummarisedWithTheMetricsBeforeAndAfter() {
    String key = newKey();
    assertThat(deploy("admin", "", file(key + ".bpmn", process(key))).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    // The new version adds a step in which the resident confirms and signs on a form of the bundle.
    String form = key + "-form";
    String withSignature = process(key, "<bpmn:userTask id=\"Sign\" name=\"確認・署名\" camunda:candidateGroups=\"counter\" "
        + "camunda:formRef=\"" + form + "\" camunda:formRefBinding=\"latest\"/>");

    JsonNode summary = deploy("admin", "", file(key + ".bpmn", withSignature), file(form + ".form", form(form)))
        .getBody();

    JsonNode change = summary.path("processChanges").get(0);
    assertThat(change.path("key").asText()).isEqualTo(key);
    assertThat(change.path("previousVersion").asInt()).isEqualTo(1);
    assertThat(change.path("version").asInt()).isEqualTo(2);
    assertThat(change.path("unchanged").asBoolean()).isFalse();
    assertThat(change.path("metricsBefore").path("userTasks").asInt()).isEqualTo(1);
    assertThat(change.path("metricsAfter").path("userTasks").asInt()).isEqualTo(2);
    assertThat(change.path("metricsBefore").path("signatures").asInt()).isZero();
    assertThat(change.path("metricsAfter").path("signatures").asInt()).isEqualTo(1);
    assertThat(change.path("metricsAfter").path("residentWrittenFields").asInt()).isEqualTo(1);
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
        .singleResult().getVersion()).isEqualTo(2);
  }

  @Test
  void dryRunSummarisesWithoutDeployingAndTheDeploymentThenDoesWhatItSaid() {
    String key = newKey();
    deploy("admin", "", file(key + ".bpmn", process(key)));
    String changed = process(key).replace("name=\"受付\"", "name=\"受付（第2版）\"");

    ResponseEntity<JsonNode> dryRun = deploy("admin", "dryRun=true", file(key + ".bpmn", changed));

    assertThat(dryRun.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(dryRun.getBody().path("dryRun").asBoolean()).isTrue();
    assertThat(dryRun.getBody().has("deploymentId")).isFalse();
    assertThat(dryRun.getBody().path("processChanges").get(0).path("version").asInt()).isEqualTo(2);
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).count()).isEqualTo(1);

    JsonNode deployed = deploy("admin", "", file(key + ".bpmn", changed)).getBody();
    assertThat(deployed.path("processChanges").get(0).path("version").asInt()).isEqualTo(2);
    assertThat(deployed.path("processes").get(0).path("version").asInt()).isEqualTo(2);
  }

  @Test
  void fileEqualToTheLastDeployedOneKeepsItsVersionAndTheDryRunSaysSo() {
    String key = newKey();
    deploy("admin", "", file(key + ".bpmn", process(key)));

    JsonNode dryRun = deploy("admin", "dryRun=true", file(key + ".bpmn", process(key))).getBody();
    JsonNode deployed = deploy("admin", "", file(key + ".bpmn", process(key))).getBody();

    for (JsonNode summary : List.of(dryRun, deployed)) {
      JsonNode change = summary.path("processChanges").get(0);
      assertThat(change.path("unchanged").asBoolean()).isTrue();
      assertThat(change.path("version").asInt()).isEqualTo(1);
    }
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).count()).isEqualTo(1);
  }

  @Test
  void brokenXmlIsRefusedNamingTheFile() {
    assertRefused(deploy("admin", "", file("broken.bpmn", "<bpmn:definitions><unclosed>")), "broken.bpmn");
  }

  @Test
  void dryRunOfAnInvalidBundleIsRefusedLikeADeployment() {
    assertRefused(deploy("admin", "dryRun=true", file("broken.bpmn", "<bpmn:definitions><unclosed>")),
        "broken.bpmn");
  }

  @Test
  void externalEntityPayloadIsRefusedWithoutBeingResolved() {
    String key = newKey();
    String xxe = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
        + process(key).replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "")
            .replace("name=\"test\"", "name=\"&x;\"");

    ResponseEntity<JsonNode> response = deploy("admin", "", file(key + ".bpmn", xxe));

    assertRefused(response, key + ".bpmn");
    assertThat(response.getBody().toString()).doesNotContain("root:");
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).count()).isZero();
  }

  @Test
  void processWithoutHistoryTimeToLiveIsRefusedNamingTheProcess() {
    String key = newKey();
    String withoutTtl = process(key).replace(" camunda:historyTimeToLive=\"30\"", "");

    ResponseEntity<JsonNode> response = deploy("admin", "", file(key + ".bpmn", withoutTtl));

    assertRefused(response, key + ".bpmn");
    assertThat(response.getBody().path("problems").get(0).path("element").asText()).isEqualTo(key);
  }

  @Test
  void scriptTaskIsRefusedUnlessAnAdministratorAllowsScripts() {
    String key = newKey();
    String script = process(key, "<bpmn:scriptTask id=\"Script\" name=\"計算\" scriptFormat=\"javascript\">"
        + "<bpmn:script>1</bpmn:script></bpmn:scriptTask>");

    ResponseEntity<JsonNode> refused = deploy("admin", "", file(key + ".bpmn", script));
    assertRefused(refused, key + ".bpmn");
    assertThat(refused.getBody().path("problems").get(0).path("element").asText()).isEqualTo("Script");
    // a municipality's administrator may deploy its own models, but not let scripts run on the shared server
    ResponseEntity<JsonNode> notTheirs = deploy("kirishimaAdmin", "allowScripts=true", file(key + ".bpmn", script));
    assertThat(notTheirs.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(notTheirs.getBody().path("error").asText()).isEqualTo("scripts-need-installation-admin");

    assertThat(deploy("admin", "allowScripts=true", file(key + ".bpmn", script)).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
  }

  @Test
  void missingDecisionAndUnknownDelegateAreRefusedAndTheValidFileBesideThemIsNotDeployed() {
    String key = newKey();
    String other = newKey();
    String references = process(key, "<bpmn:businessRuleTask id=\"Decide\" name=\"判定\" "
        + "camunda:decisionRef=\"no-such-decision\"/>",
        "<bpmn:serviceTask id=\"Call\" name=\"連携\" camunda:delegateExpression=\"${noSuchDelegate}\"/>");

    ResponseEntity<JsonNode> response = deploy("admin", "", file(key + ".bpmn", references),
        file(other + ".bpmn", process(other)));

    assertRefused(response, key + ".bpmn");
    assertThat(response.getBody().path("problems").findValuesAsText("element")).contains("Decide", "Call");
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(other).count()).isZero();
  }

  @Test
  void formReferenceMustNameAFormOfTheBundleOrOneDeployed() {
    String key = newKey();
    String missing = process(key, "<bpmn:userTask id=\"Apply\" name=\"申請\" camunda:formRef=\"no-such-form\"/>");
    String deployedForm = process(key, "<bpmn:userTask id=\"Apply\" name=\"申請\" "
        + "camunda:formRef=\"nhi-enrollment-application\"/>");
    String ownDeploymentOnly = process(key, "<bpmn:userTask id=\"Apply\" name=\"申請\" "
        + "camunda:formRef=\"nhi-enrollment-application\" camunda:formRefBinding=\"deployment\"/>");

    ResponseEntity<JsonNode> refused = deploy("admin", "", file(key + ".bpmn", missing));
    assertRefused(refused, key + ".bpmn");
    assertThat(refused.getBody().path("problems").get(0).path("element").asText()).isEqualTo("Apply");
    assertThat(refused.getBody().path("problems").get(0).path("message").asText()).contains("no-such-form");

    assertRefused(deploy("admin", "dryRun=true", file(key + ".bpmn", ownDeploymentOnly)), key + ".bpmn");
    assertThat(deploy("admin", "dryRun=true", file(key + ".bpmn", deployedForm)).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void lintErrorsAreRefusedUnderTheirBpmnlintRuleAndWarningsAreOnlyReported() {
    String key = newKey();
    String withLooseTask = process(key).replace(" name=\"受付\"", "").replace("</bpmn:process>",
        "<bpmn:serviceTask id=\"Loose\" name=\"孤立\" camunda:delegateExpression=\"${handOverToDepartmentSystemDelegate}\"/>"
            + "</bpmn:process>");

    ResponseEntity<JsonNode> refused = deploy("admin", "", file(key + ".bpmn", withLooseTask));

    assertRefused(refused, key + ".bpmn");
    List<String> found = new ArrayList<>();
    refused.getBody().path("problems").forEach(p -> found.add(p.path("rule").asText() + "@" + p.path("element").asText()));
    assertThat(found).contains("label-required@Work", "no-disconnected@Loose");

    // A loop back into the task without a joining gateway is a warning (fake-join): deployed, and reported.
    String fakeJoin = process(key, "<bpmn:exclusiveGateway id=\"Done\" name=\"終わり？\" default=\"Flow_Done_End\"/>")
        .replace("</bpmn:process>", "<bpmn:sequenceFlow id=\"FlowAgain\" name=\"やり直し\" sourceRef=\"Done\" "
            + "targetRef=\"Work\"><bpmn:conditionExpression>${again}</bpmn:conditionExpression></bpmn:sequenceFlow>"
            + "</bpmn:process>");
    ResponseEntity<JsonNode> deployed = deploy("admin", "", file(key + ".bpmn", fakeJoin));
    assertThat(deployed.getStatusCode()).as("%s", deployed.getBody()).isEqualTo(HttpStatus.CREATED);
    assertThat(deployed.getBody().path("warnings").get(0).path("rule").asText()).isEqualTo("fake-join");
    assertThat(deployed.getBody().path("warnings").get(0).path("element").asText()).isEqualTo("Work");
  }

  @Test
  void fileNameThatClimbsOutOfTheBundleIsRefused() {
    String key = newKey();

    ResponseEntity<JsonNode> response = deploy("admin", "", file("../" + key + ".bpmn", process(key)));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).count()).isZero();
  }

  @Test
  void onlyAdministratorsDeploy() {
    String key = newKey();

    ResponseEntity<JsonNode> response = deploy("counter", "", file(key + ".bpmn", process(key)));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).count()).isZero();
  }

  private void assertRefused(ResponseEntity<JsonNode> response, String file) {
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(response.getBody().path("error").asText()).isEqualTo("invalid-bundle");
    assertThat(response.getBody().path("problems").findValuesAsText("file")).contains(file);
    assertThat(response.getBody().path("problems").findValuesAsText("message")).allMatch(m -> !m.isBlank());
  }

  @SafeVarargs
  private ResponseEntity<JsonNode> deploy(String user, String query, HttpEntity<ByteArrayResource>... files) {
    return ApiClient.as(rest, user).upload("/api/deployments?" + query, files);
  }

  private static String newKey() {
    return "deployment-test-" + System.nanoTime() % 100000 + "-" + KEYS.incrementAndGet();
  }

  /** A process that passes every check: Start → Work (受付) → each of {@code steps} in turn → End. */
  private static String process(String key, String... steps) {
    StringBuilder nodes = new StringBuilder();
    StringBuilder flows = new StringBuilder();
    String previous = "Work";
    for (String step : steps) {
      Matcher id = ID.matcher(step);
      assertThat(id.find()).as("step %s has an id", step).isTrue();
      nodes.append(step);
      flows.append(flow(previous, id.group(1)));
      previous = id.group(1);
    }
    flows.append(flow(previous, "End"));
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions" targetNamespace="test">
          <bpmn:process id="%s" name="test" isExecutable="true" camunda:historyTimeToLive="30">
            <bpmn:startEvent id="Start" name="開始"/>
            <bpmn:userTask id="Work" name="受付" camunda:candidateGroups="counter"/>
            %s
            <bpmn:endEvent id="End" name="終了"/>
            <bpmn:sequenceFlow id="Flow_Start_Work" sourceRef="Start" targetRef="Work"/>
            %s
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(key, nodes, flows).strip();
  }

  private static String flow(String from, String to) {
    return "<bpmn:sequenceFlow id=\"Flow_" + from + "_" + to + "\" sourceRef=\"" + from + "\" targetRef=\"" + to
        + "\"/>";
  }

  /** A form with one field the resident writes and one signature. */
  private static String form(String id) {
    return """
        {"id": "%s", "type": "default", "schemaVersion": 16, "components": [
          {"id": "Field_phone", "type": "textfield", "key": "phone", "label": "電話番号",
           "properties": {"source": "resident"}},
          {"id": "Field_signature", "type": "textfield", "key": "signature", "label": "署名",
           "properties": {"source": "signature"}}]}
        """.formatted(id);
  }

  private static String decision(String key, String ttl) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
            id="definitions" name="test" namespace="test">
          <decision id="%s" name="test" %s>
            <variable name="result"/>
            <literalExpression><text>1</text></literalExpression>
          </decision>
        </definitions>
        """.formatted(key, ttl).strip();
  }
}
