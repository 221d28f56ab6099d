package org.madoguchi.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.madoguchi.support.ApplicationOnH2;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Administrators deploy checked bundles; an invalid bundle is refused per file and element, and deploys nothing. */
@ApplicationOnH2
class DeploymentApiIT {

  private static final AtomicInteger KEYS = new AtomicInteger();

  @Autowired
  TestRestTemplate rest;
  @Autowired
  RepositoryService repositoryService;

  @Test
  void validBundleIsDeployedAsNewVersions() {
    String key = newKey();

    ResponseEntity<JsonNode> response = deploy("admin", false, file(key + ".bpmn", process(key, "")),
        file(key + "-decision.dmn", decision(key + "-decision", "camunda:historyTimeToLive=\"30\"")));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(response.getBody().path("processes").get(0).path("key").asText()).isEqualTo(key);
    assertThat(response.getBody().path("processes").get(0).path("version").asInt()).isEqualTo(1);
    assertThat(response.getBody().path("decisions").get(0).path("key").asText()).isEqualTo(key + "-decision");
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).count()).isEqualTo(1);
  }

  @Test
  void brokenXmlIsRefusedNamingTheFile() {
    assertRefused(deploy("admin", false, file("broken.bpmn", "<bpmn:definitions><unclosed>")), "broken.bpmn");
  }

  @Test
  void externalEntityPayloadIsRefusedWithoutBeingResolved() {
    String key = newKey();
    String xxe = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
        + process(key, "").replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "")
            .replace("name=\"test\"", "name=\"&x;\"");

    ResponseEntity<JsonNode> response = deploy("admin", false, file(key + ".bpmn", xxe));

    assertRefused(response, key + ".bpmn");
    assertThat(response.getBody().toString()).doesNotContain("root:");
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).count()).isZero();
  }

  @Test
  void processWithoutHistoryTimeToLiveIsRefusedNamingTheProcess() {
    String key = newKey();
    String withoutTtl = process(key, "").replace(" camunda:historyTimeToLive=\"30\"", "");

    ResponseEntity<JsonNode> response = deploy("admin", false, file(key + ".bpmn", withoutTtl));

    assertRefused(response, key + ".bpmn");
    assertThat(response.getBody().path("problems").get(0).path("element").asText()).isEqualTo(key);
  }

  @Test
  void scriptTaskIsRefusedUnlessAnAdministratorAllowsScripts() {
    String key = newKey();
    String script = process(key, "<bpmn:scriptTask id=\"Script\" scriptFormat=\"javascript\"><bpmn:script>1</bpmn:script>"
        + "</bpmn:scriptTask>");

    ResponseEntity<JsonNode> refused = deploy("admin", false, file(key + ".bpmn", script));
    assertRefused(refused, key + ".bpmn");
    assertThat(refused.getBody().path("problems").get(0).path("element").asText()).isEqualTo("Script");

    assertThat(deploy("admin", true, file(key + ".bpmn", script)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
  }

  @Test
  void missingDecisionAndUnknownDelegateAreRefusedAndTheValidFileBesideThemIsNotDeployed() {
    String key = newKey();
    String other = newKey();
    String references = process(key, "<bpmn:businessRuleTask id=\"Decide\" camunda:decisionRef=\"no-such-decision\"/>"
        + "<bpmn:serviceTask id=\"Call\" camunda:delegateExpression=\"${noSuchDelegate}\"/>");

    ResponseEntity<JsonNode> response = deploy("admin", false, file(key + ".bpmn", references),
        file(other + ".bpmn", process(other, "")));

    assertRefused(response, key + ".bpmn");
    assertThat(response.getBody().path("problems").findValuesAsText("element")).contains("Decide", "Call");
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(other).count()).isZero();
  }

  @Test
  void fileNameThatClimbsOutOfTheBundleIsRefused() {
    String key = newKey();

    ResponseEntity<JsonNode> response = deploy("admin", false, file("../" + key + ".bpmn", process(key, "")));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).count()).isZero();
  }

  @Test
  void onlyAdministratorsDeploy() {
    String key = newKey();

    ResponseEntity<JsonNode> response = deploy("counter", false, file(key + ".bpmn", process(key, "")));

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
  private ResponseEntity<JsonNode> deploy(String user, boolean allowScripts, HttpEntity<ByteArrayResource>... files) {
    MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    List.of(files).forEach(file -> body.add("files", file));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return rest.withBasicAuth(user, user).postForEntity("/api/deployments?allowScripts=" + allowScripts,
        new HttpEntity<>(body, headers), JsonNode.class);
  }

  private static HttpEntity<ByteArrayResource> file(String name, String content) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentDispositionFormData("files", name);
    return new HttpEntity<>(new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return name;
      }
    }, headers);
  }

  private static String newKey() {
    return "deployment-test-" + System.nanoTime() % 100000 + "-" + KEYS.incrementAndGet();
  }

  private static String process(String key, String extraElements) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions" targetNamespace="test">
          <bpmn:process id="%s" name="test" isExecutable="true" camunda:historyTimeToLive="30">
            <bpmn:startEvent id="Start"/>
            <bpmn:userTask id="Work" camunda:candidateGroups="counter"/>
            %s
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(key, extraElements).strip();
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
