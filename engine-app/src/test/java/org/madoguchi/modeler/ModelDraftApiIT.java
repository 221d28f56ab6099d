package org.madoguchi.modeler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.madoguchi.support.ApiClient;
import org.madoguchi.support.ApplicationOnH2;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The web modeler's API: advisors keep drafts of models (checked before anything is stored, never overwritten by
 * a stale version) and measure the model they edit; other roles are refused.
 */
@ApplicationOnH2
class ModelDraftApiIT {

  @Autowired
  TestRestTemplate rest;

  @Test
  void advisorSavesADraftOfADeployedModelAndAStaleVersionCannotOverwriteIt() {
    ApiClient advisor = ApiClient.as(rest, "advisor");
    String xml = deployedXml("nhi-enrollment");
    String name = "国保加入 改善案 " + UUID.randomUUID();

    ResponseEntity<JsonNode> created = advisor.post("/api/drafts", Map.of("name", name, "bpmnXml", xml));

    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode draft = created.getBody();
    String id = draft.path("id").asText();
    assertThat(created.getHeaders().getLocation()).hasToString("/api/drafts/" + id);
    assertThat(draft.path("processKey").asText()).isEqualTo("nhi-enrollment");
    assertThat(draft.path("version").asInt()).isEqualTo(1);
    assertThat(draft.path("createdBy").asText()).isEqualTo("advisor");
    assertThat(advisor.get("/api/drafts").getBody().findValuesAsText("name")).contains(name);

    String changed = xml.replace("name=\"加入届の受付\"", "name=\"加入届の確認\"");
    ResponseEntity<JsonNode> updated = advisor.put("/api/drafts/" + id,
        Map.of("name", name + "（2）", "bpmnXml", changed, "version", 1));
    assertThat(updated.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(updated.getBody().path("version").asInt()).isEqualTo(2);

    ResponseEntity<JsonNode> stale = ApiClient.as(rest, "admin").put("/api/drafts/" + id,
        Map.of("name", "古い版からの保存", "bpmnXml", xml, "version", 1));
    assertThat(stale.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(stale.getBody().path("error").asText()).isEqualTo("draft-changed");
    assertThat(stale.getBody().path("message").asText()).contains("読み込み直して");

    JsonNode stored = advisor.get("/api/drafts/" + id).getBody();
    assertThat(stored.path("name").asText()).isEqualTo(name + "（2）");
    assertThat(stored.path("bpmnXml").asText()).contains("加入届の確認");
    assertThat(stored.path("version").asInt()).isEqualTo(2);

    assertThat(advisor.send(HttpMethod.DELETE, "/api/drafts/" + id + "?version=1", null).getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);
    assertThat(advisor.send(HttpMethod.DELETE, "/api/drafts/" + id + "?version=2", null).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(advisor.get("/api/drafts/" + id).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void invalidDraftsAreRefusedWithAReasonAndNothingIsStored() {
    ApiClient advisor = ApiClient.as(rest, "advisor");
    String xml = deployedXml("nhi-enrollment");
    String name = "不正な下書き " + UUID.randomUUID();
    String xxe = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
        + xml.substring(xml.indexOf("?>") + 2).replace("name=\"加入届の受付\"", "name=\"&x;\"");

    assertRefused(advisor.post("/api/drafts", Map.of("name", " ", "bpmnXml", xml)), HttpStatus.BAD_REQUEST,
        "name-required");
    assertRefused(advisor.post("/api/drafts", Map.of("name", "x".repeat(201), "bpmnXml", xml)),
        HttpStatus.BAD_REQUEST, "name-too-long");
    assertRefused(advisor.post("/api/drafts", Map.of("name", name)), HttpStatus.BAD_REQUEST, "bpmn-required");
    assertRefused(advisor.post("/api/drafts", Map.of("name", name, "bpmnXml", "<bpmn:definitions><unclosed>")),
        HttpStatus.BAD_REQUEST, "invalid-bpmn");
    assertRefused(advisor.post("/api/drafts", Map.of("name", name, "bpmnXml", "<html><body>not a model</body></html>")),
        HttpStatus.BAD_REQUEST, "invalid-bpmn");
    ResponseEntity<JsonNode> entity = advisor.post("/api/drafts", Map.of("name", name, "bpmnXml", xxe));
    assertRefused(entity, HttpStatus.BAD_REQUEST, "dtd-not-allowed");
    assertThat(entity.getBody().toString()).doesNotContain("root:");
    String huge = xml.replace("</bpmn:definitions>",
        "<!--" + "x".repeat(ModelDrafts.MAX_XML_BYTES) + "--></bpmn:definitions>");
    assertRefused(advisor.post("/api/drafts", Map.of("name", name, "bpmnXml", huge)), HttpStatus.PAYLOAD_TOO_LARGE,
        "model-too-large");
    assertRefused(advisor.send(HttpMethod.POST, "/api/drafts", "{\"name\": "), HttpStatus.BAD_REQUEST,
        "malformed-request");

    assertThat(advisor.get("/api/drafts").getBody().findValuesAsText("name")).doesNotContain(name);

    String id = advisor.post("/api/drafts", Map.of("name", name, "bpmnXml", xml)).getBody().path("id").asText();
    Map<String, Object> withoutVersion = new HashMap<>(Map.of("name", name, "bpmnXml", xml));
    assertRefused(advisor.put("/api/drafts/" + id, withoutVersion), HttpStatus.BAD_REQUEST, "version-required");
    assertRefused(advisor.put("/api/drafts/" + id, Map.of("name", name, "bpmnXml", "no xml", "version", 1)),
        HttpStatus.BAD_REQUEST, "invalid-bpmn");
    assertThat(advisor.get("/api/drafts/" + id).getBody().path("version").asInt()).isEqualTo(1);
    assertRefused(advisor.put("/api/drafts/no-such-draft", Map.of("name", name, "bpmnXml", xml, "version", 1)),
        HttpStatus.NOT_FOUND, "draft-not-found");
  }

  @Test
  void metricsFollowTheModelAsItChanges() {
    String xml = deployedXml("nhi-enrollment");

    JsonNode before = metrics("advisor", xml).getBody();
    assertThat(before.path("userTasks").asInt()).isEqualTo(4);
    assertThat(before.path("handOffs").asInt()).isEqualTo(3);
    assertThat(before.path("residentMoves").asInt()).isEqualTo(1);
    assertThat(before.path("forms").asInt()).isEqualTo(4);
    assertThat(before.path("lanes")).extracting(JsonNode::asText).containsExactly("市民課 総合窓口", "保険年金課");
    assertThat(before.path("stepsPerRole").path("counter").asInt()).isEqualTo(2);
    assertThat(before.path("processes").get(0).path("processId").asText()).isEqualTo("nhi-enrollment");

    String withExtraTask = xml.replace("<bpmn:startEvent id=\"ApplicationReceived\"",
        "<bpmn:userTask id=\"ExplainToResident\" name=\"説明\" camunda:candidateGroups=\"counter\" />"
            + "<bpmn:startEvent id=\"ApplicationReceived\"");
    JsonNode after = metrics("admin", withExtraTask).getBody();
    assertThat(after.path("userTasks").asInt()).isEqualTo(5);
    assertThat(after.path("stepsPerRole").path("counter").asInt()).isEqualTo(3);

    assertRefused(metrics("advisor", "plain text"), HttpStatus.BAD_REQUEST, "invalid-bpmn");
    assertRefused(metrics("advisor", ""), HttpStatus.BAD_REQUEST, "bpmn-required");
    assertRefused(metrics("advisor", "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
        + "<d>&x;</d>"), HttpStatus.BAD_REQUEST, "dtd-not-allowed");
  }

  @Test
  void onlyAdvisorsAndAdministratorsReachTheModelerAndItsApi() {
    String xml = deployedXml("nhi-enrollment");
    for (String user : new String[] {"counter", "hoken"}) {
      ApiClient staff = ApiClient.as(rest, user);
      assertRefused(staff.get("/api/drafts"), HttpStatus.FORBIDDEN, "forbidden");
      assertRefused(staff.post("/api/drafts", Map.of("name", "下書き", "bpmnXml", xml)), HttpStatus.FORBIDDEN,
          "forbidden");
      assertRefused(staff.get("/api/bpr/models"), HttpStatus.FORBIDDEN, "forbidden");
      assertRefused(metrics(user, xml), HttpStatus.FORBIDDEN, "forbidden");
    }
    assertThat(rest.getForEntity("/api/drafts", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.withBasicAuth("counter", "counter").getForEntity("/advisor/modeler", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    JsonNode deployed = ApiClient.as(rest, "advisor").get("/api/bpr/models").getBody();
    assertThat(deployed.path("processes").findValuesAsText("key")).contains("nhi-enrollment", "move-in-visit");
    assertThat(deployed.path("decisions").findValuesAsText("key")).isNotEmpty();
  }

  private String deployedXml(String key) {
    ResponseEntity<JsonNode> process = ApiClient.as(rest, "advisor").get("/api/bpr/models/processes/" + key);
    assertThat(process.getStatusCode()).isEqualTo(HttpStatus.OK);
    return process.getBody().path("bpmnXml").asText();
  }

  private ResponseEntity<JsonNode> metrics(String user, String xml) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_XML);
    return rest.withBasicAuth(user, user).exchange("/api/bpr/metrics", HttpMethod.POST,
        new HttpEntity<>(xml, headers), JsonNode.class);
  }

  private static void assertRefused(ResponseEntity<JsonNode> response, HttpStatus status, String error) {
    assertThat(response.getStatusCode()).isEqualTo(status);
    assertThat(response.getBody().path("error").asText()).isEqualTo(error);
    assertThat(response.getBody().path("message").asText()).isNotBlank();
  }
}
