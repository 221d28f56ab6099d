package org.madoguchi.connectors.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.madoguchi.connectors.http.RetryingHttpClient;
import org.yaml.snakeyaml.Yaml;

/** The OpenAPI description and the connector's JSON say the same thing. */
class RegistryApiContractTest {

  private static Map<String, Object> api;
  private static Map<String, Object> schemas;
  private final ObjectMapper json = RetryingHttpClient.objectMapper();

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void readTheDescription() throws IOException {
    try (InputStream yaml = RegistryApiContractTest.class.getResourceAsStream("/openapi/registry-api.yaml")) {
      api = new Yaml().load(yaml);
      assertThat(api.get("openapi")).asString().startsWith("3.");
      schemas = (Map<String, Object>) ((Map<String, Object>) api.get("components")).get("schemas");
    }
  }

  @ParameterizedTest(name = "{0} ↔ {1}")
  @CsvSource({
      "Resident, ResidentJson",
      "PersonName, NameJson",
      "StatusFlags, FlagsJson",
      "Household, HouseholdJson",
      "MoveInRequest, MoveInRequestJson",
      "NewResident, NewResidentJson",
      "MoveInRegistration, MoveInRegistrationJson",
      "MoveOutRequest, MoveOutRequestJson",
      "MoveWithinRequest, MoveWithinRequestJson",
      "ChangeRegistration, ChangeRegistrationJson",
      "ResidentHistory, ResidentHistoryJson",
      "ResidentChange, ResidentChangeJson"})
  void everySchemaHasExactlyTheFieldsOfItsRecord(String schema, String record) throws ClassNotFoundException {
    // given
    Class<?> type = Class.forName(HttpRegistryJson.class.getName() + "$" + record);

    // when
    List<String> fields = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();

    // then
    assertThat(properties(schema).keySet()).containsExactlyInAnyOrderElementsOf(fields);
  }

  @Test
  void theEnumsListTheDomainsValues() {
    assertThat(enumValues("Sex")).containsExactlyInAnyOrder(names(Sex.values()));
    assertThat(enumValues("ChangeReason")).containsExactlyInAnyOrder(names(ChangeReason.values()));
  }

  @Test
  void theRefusalCodesAreTheRefusalReasonsButOther() {
    assertThat(enumValues("RefusalCode")).containsExactlyInAnyOrder(
        Arrays.stream(RegistryRefusedException.Reason.values())
            .filter(reason -> reason != RegistryRefusedException.Reason.OTHER)
            .map(Enum::name)
            .toArray(String[]::new));
  }

  @Test
  @SuppressWarnings("unchecked")
  void theDescriptionHasExactlyTheOperationsTheConnectorCalls() {
    // given
    Map<String, Object> paths = (Map<String, Object>) api.get("paths");

    // when
    List<String> operations = paths.entrySet().stream()
        .flatMap(path -> ((Map<String, Object>) path.getValue()).keySet().stream()
            .map(method -> method.toUpperCase(java.util.Locale.ROOT) + " " + path.getKey()))
        .toList();

    // then: the operation names the connector's messages use
    assertThat(operations).containsExactlyInAnyOrder(
        "GET /households/{householdNumber}",
        "GET /residents/{atenaNumber}",
        "GET /residents/{atenaNumber}/history",
        "POST /move-ins",
        "POST /move-outs",
        "POST /move-withins");
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyWriteRequiresAnIdempotencyKeyAndAnswersARepeatWith200() {
    Map<String, Object> paths = (Map<String, Object>) api.get("paths");
    for (String path : List.of("/move-ins", "/move-outs", "/move-withins")) {
      Map<String, Object> post = (Map<String, Object>) ((Map<String, Object>) paths.get(path)).get("post");
      List<Map<String, Object>> parameters = ((List<Map<String, Object>>) post.get("parameters")).stream()
          .map(RegistryApiContractTest::resolve)
          .toList();
      assertThat(parameters).as(path).anySatisfy(parameter -> {
        assertThat(parameter.get("name")).isEqualTo("Idempotency-Key");
        assertThat(parameter.get("in")).isEqualTo("header");
        assertThat(parameter.get("required")).isEqualTo(true);
      });
      assertThat((Map<String, Object>) post.get("responses")).as(path).containsKeys("200", "201", "409", "422");
    }
  }

  @Test
  void aChangeRegistrationLackingAFieldFailsExactlyWhenTheDescriptionRequiresIt() throws IOException {
    // given
    List<String> required = required("ChangeRegistration");
    ObjectNode complete = (ObjectNode) json.readTree("""
        {"requestId": "R-1", "changeReason": "MOVE_OUT", "householdNumber": "0000500011",
         "atenaNumbers": ["0001000012"], "changedOn": "2026-09-30", "notifiedOn": "2026-09-16"}""");
    assertThatCode(() -> json.treeToValue(complete, HttpRegistryJson.ChangeRegistrationJson.class).toRegistration())
        .doesNotThrowAnyException();

    for (String field : properties("ChangeRegistration").keySet()) {
      // when
      ObjectNode lacking = complete.deepCopy();
      lacking.remove(field);
      Throwable failure = catchThrowable(
          () -> json.treeToValue(lacking, HttpRegistryJson.ChangeRegistrationJson.class).toRegistration());

      // then
      if (required.contains(field)) {
        assertThat(failure).as(field).isInstanceOf(RetryingHttpClient.MissingField.class).hasMessage(field);
      } else {
        assertThat(failure).as(field).isNull();
      }
    }
  }

  @Test
  void aChangeInTheHistoryLackingAFieldFailsExactlyWhenTheDescriptionRequiresIt() throws IOException {
    // given
    List<String> required = required("ResidentChange");
    ObjectNode complete = (ObjectNode) json.readTree("{\"changeReason\": \"MOVE_IN\", \"changedOn\": \"2026-11-20\", "
        + "\"notifiedOn\": \"2026-11-22\", \"resident\": "
        + HttpResidentRegistryConnectorTest.resident("0001000012", "0000500011", true) + "}");
    assertThatCode(() -> json.treeToValue(complete, HttpRegistryJson.ResidentChangeJson.class).toChange("change"))
        .doesNotThrowAnyException();

    for (String field : properties("ResidentChange").keySet()) {
      // when
      ObjectNode lacking = complete.deepCopy();
      lacking.remove(field);
      Throwable failure = catchThrowable(
          () -> json.treeToValue(lacking, HttpRegistryJson.ResidentChangeJson.class).toChange("change"));

      // then
      if (required.contains(field)) {
        assertThat(failure).as(field).isInstanceOf(RetryingHttpClient.MissingField.class)
            .hasMessage("change." + field);
      } else {
        assertThat(failure).as(field).isNull();
      }
    }
  }

  @Test
  void aResidentLackingAFieldFailsExactlyWhenTheDescriptionRequiresIt() throws IOException {
    // given
    List<String> required = required("Resident");
    ObjectNode complete = (ObjectNode) json.readTree(HttpResidentRegistryConnectorTest.resident("0001000012",
        "0000500011", true));
    assertThatCode(() -> json.treeToValue(complete, HttpRegistryJson.ResidentJson.class).toResident("resident"))
        .doesNotThrowAnyException();

    for (String field : properties("Resident").keySet()) {
      // when
      ObjectNode lacking = complete.deepCopy();
      lacking.remove(field);
      Throwable failure = catchThrowable(
          () -> json.treeToValue(lacking, HttpRegistryJson.ResidentJson.class).toResident("resident"));

      // then
      if (required.contains(field)) {
        assertThat(failure).as(field).isInstanceOf(RetryingHttpClient.MissingField.class)
            .hasMessage("resident." + field);
      } else {
        assertThat(failure).as(field).isNull();
      }
    }
  }

  @Test
  void statusFlagsLackingAFieldFailToo() throws IOException {
    // given
    String flags = """
        {"nhiInsured": true, "lateStageElderlyInsured": false, "longTermCareCertified": false,
         "nationalPensionInsured": true, "childAllowanceRecipient": false, "holdsMyNumberCard": true}""";

    for (String field : required("StatusFlags")) {
      // when
      ObjectNode lacking = (ObjectNode) json.readTree(flags);
      lacking.remove(field);
      Throwable failure = catchThrowable(
          () -> json.treeToValue(lacking, HttpRegistryJson.FlagsJson.class).toFlags("flags"));

      // then
      assertThat(failure).as(field).hasMessage("flags." + field);
    }
  }

  /** {@code node}, or what its {@code $ref} (within this description) points to. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> resolve(Map<String, Object> node) {
    Object ref = node.get("$ref");
    if (ref == null) {
      return node;
    }
    Map<String, Object> target = api;
    for (String part : ref.toString().substring(2).split("/")) {
      target = (Map<String, Object>) target.get(part);
    }
    return target;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> properties(String schema) {
    return (Map<String, Object>) ((Map<String, Object>) schemas.get(schema)).get("properties");
  }

  @SuppressWarnings("unchecked")
  private static List<String> required(String schema) {
    return (List<String>) ((Map<String, Object>) schemas.get(schema)).get("required");
  }

  @SuppressWarnings("unchecked")
  private static List<String> enumValues(String schema) {
    return (List<String>) ((Map<String, Object>) schemas.get(schema)).get("enum");
  }

  private static String[] names(Enum<?>[] values) {
    return Arrays.stream(values).map(Enum::name).toArray(String[]::new);
  }
}
