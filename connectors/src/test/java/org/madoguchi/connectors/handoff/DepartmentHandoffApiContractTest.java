package org.madoguchi.connectors.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yaml.snakeyaml.Yaml;

/** The OpenAPI description of the hand-off API and the connector's JSON say the same thing. */
class DepartmentHandoffApiContractTest {

  private static Map<String, Object> schemas;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void readTheDescription() throws IOException {
    try (InputStream yaml = DepartmentHandoffApiContractTest.class.getResourceAsStream(
        "/openapi/department-handoff-api.yaml")) {
      Map<String, Object> api = new Yaml().load(yaml);
      assertThat(api.get("openapi")).asString().startsWith("3.");
      schemas = (Map<String, Object>) ((Map<String, Object>) api.get("components")).get("schemas");
    }
  }

  @ParameterizedTest(name = "{0} ↔ {1}")
  @CsvSource({"Handoff, HandoffJson", "HandoffReceipt, ReceiptJson"})
  @SuppressWarnings("unchecked")
  void everySchemaHasExactlyTheFieldsOfItsRecordAndRequiresThemAll(String schema, String record)
      throws ClassNotFoundException {
    // given
    Class<?> type = Class.forName(HttpDepartmentHandoffConnector.class.getName() + "$" + record);

    // when
    List<String> fields = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();

    // then
    Map<String, Object> description = (Map<String, Object>) schemas.get(schema);
    assertThat(((Map<String, Object>) description.get("properties")).keySet()).containsExactlyInAnyOrderElementsOf(fields);
    assertThat((List<String>) description.get("required")).containsExactlyInAnyOrderElementsOf(fields);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"insurance-pension", "child-support", "citizens", "long-term-care", "school-education"})
  @SuppressWarnings("unchecked")
  void theDepartmentCodesOfTheProcessesFitTheDescribedPattern(String department) {
    String pattern = (String) ((Map<String, Object>) schemas.get("DepartmentCode")).get("pattern");
    assertThat(department).matches(pattern);
  }
}
