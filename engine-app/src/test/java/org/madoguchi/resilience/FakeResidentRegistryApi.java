package org.madoguchi.resilience;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.madoguchi.connectors.registry.CheckDigits;

/**
 * The registry API's {@code POST /move-ins} ({@code openapi/registry-api.yaml}): issues a 世帯番号 and a 宛名番号
 * per member, once per visit; a repeat is answered 200 with the first registration.
 */
class FakeResidentRegistryApi extends FaultInjectingApi {

  private final AtomicInteger serial = new AtomicInteger(700_000);

  FakeResidentRegistryApi(Duration lateBy) {
    super(lateBy);
  }

  @Override
  boolean accepts(String method, String path, JsonNode body) {
    return "POST".equals(method) && "/move-ins".equals(path) && body.path("visitId").isTextual()
        && body.path("members").isArray();
  }

  @Override
  JsonNode firstAnswer(JsonNode body) {
    ObjectNode registration = json().createObjectNode()
        .put("visitId", body.path("visitId").asText())
        .put("householdNumber", nextNumber());
    ObjectNode atenaNumbers = registration.putObject("atenaNumbers");
    body.path("members").forEach(member -> atenaNumbers.put(member.path("memberRef").asText(), nextNumber()));
    return registration;
  }

  @Override
  JsonNode repeatedAnswer(JsonNode firstAnswer) {
    return firstAnswer;
  }

  /** Ten digits, the last a modulus-11 check digit, as the registry's numbers are. */
  private String nextNumber() {
    return CheckDigits.withModulus11(String.format("%09d", serial.incrementAndGet()));
  }
}
