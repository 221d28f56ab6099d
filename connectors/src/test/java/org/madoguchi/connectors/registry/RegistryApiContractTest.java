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

  private static Map<String, Object> schemas;
  private final ObjectMapper json = RetryingHttpClient.objectMapper();

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void readTheDescription() throws IOException {
    try (InputStream yaml = RegistryApiContractTest.class.getResourceAsStream("/openapi/registry-api.yaml")) {
      Map<String, Object> api = new Yaml().load(yaml);
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
      "MoveInRegistration, MoveInRegistrationJson"})
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
