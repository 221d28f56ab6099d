package org.madoguchi.connectors.notice;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.yaml.snakeyaml.Yaml;

/** The OpenAPI description of the notice API and the connector's JSON say the same thing. */
class MoveOutNoticeApiContractTest {

  private static Map<String, Object> schemas;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void readTheDescription() throws IOException {
    try (InputStream yaml = MoveOutNoticeApiContractTest.class.getResourceAsStream("/openapi/move-out-notice-api.yaml")) {
      Map<String, Object> api = new Yaml().load(yaml);
      assertThat(api.get("openapi")).asString().startsWith("3.");
      schemas = (Map<String, Object>) ((Map<String, Object>) api.get("components")).get("schemas");
    }
  }

  @ParameterizedTest(name = "{0} ↔ {1}")
  @CsvSource({
      "MoveOutNotice, NoticeJson",
      "NoticeMember, MemberJson",
      "PersonName, NameJson",
      "StatusFlags, FlagsJson",
      "NoticeSummary, SummaryJson",
      "NoticeList, NoticeListJson",
      "NoticeUse, UseJson"})
  @SuppressWarnings("unchecked")
  void everySchemaHasExactlyTheFieldsOfItsRecord(String schema, String record) throws ClassNotFoundException {
    // given
    Class<?> type = Class.forName(HttpNoticeJson.class.getName() + "$" + record);

    // when
    List<String> fields = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();

    // then
    Map<String, Object> properties = (Map<String, Object>) ((Map<String, Object>) schemas.get(schema)).get("properties");
    assertThat(properties.keySet()).containsExactlyInAnyOrderElementsOf(fields);
  }

  @Test
  @SuppressWarnings("unchecked")
  void theSourcesAreTheDomainsSources() {
    List<String> values = (List<String>) ((Map<String, Object>) schemas.get("Source")).get("enum");
    assertThat(values).containsExactlyInAnyOrder(
        Arrays.stream(MoveOutNotice.Source.values()).map(Enum::name).toArray(String[]::new));
  }
}
