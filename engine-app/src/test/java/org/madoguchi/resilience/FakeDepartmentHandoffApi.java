package org.madoguchi.resilience;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;

/**
 * The hand-off API's {@code POST /departments/{department}/handoffs} ({@code openapi/department-handoff-api.yaml}):
 * receives each case once per idempotency key; a repeat is answered 200 with the first receipt, {@code repeated}.
 */
class FakeDepartmentHandoffApi extends FaultInjectingApi {

  FakeDepartmentHandoffApi(Duration lateBy) {
    super(lateBy);
  }

  @Override
  boolean accepts(String method, String path, JsonNode body) {
    return "POST".equals(method) && path.equals("/departments/" + body.path("department").asText() + "/handoffs")
        && body.path("idempotencyKey").isTextual();
  }

  @Override
  JsonNode firstAnswer(JsonNode body) {
    return json().createObjectNode()
        .put("idempotencyKey", body.path("idempotencyKey").asText())
        .put("receivedAt", Instant.now().toString())
        .put("repeated", false);
  }

  @Override
  JsonNode repeatedAnswer(JsonNode firstAnswer) {
    return ((ObjectNode) firstAnswer.deepCopy()).put("repeated", true);
  }
}
