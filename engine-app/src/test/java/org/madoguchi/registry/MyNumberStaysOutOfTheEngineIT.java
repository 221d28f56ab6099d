package org.madoguchi.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.Clob;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.madoguchi.connectors.notice.EmbeddedMoveOutNoticeConnector;
import org.madoguchi.connectors.notice.MoveOutNotice;
import org.madoguchi.connectors.registry.MyNumber;
import org.madoguchi.support.ApiClient;
import org.madoguchi.support.ApplicationOnH2;
import org.madoguchi.support.DemoHouseholds;
import org.madoguchi.support.MoveInDriver;
import org.madoguchi.system.MunicipalityProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * After a whole move-in of a household whose notice carries each member's 個人番号, the number is where the
 * registry keeps it and nowhere else: not in any engine table (variables, history, jobs, incidents), not
 * in the visits, the audit log, the API's answers or the application log.
 */
@ApplicationOnH2
@ExtendWith(OutputCaptureExtension.class)
class MyNumberStaysOutOfTheEngineIT {

  /** The two places the registry keeps the number. */
  private static final List<String> KEPT_IN = List.of("RESIDENT.MY_NUMBER", "MOVE_OUT_NOTICE_MEMBER.MY_NUMBER");

  @Autowired
  TestRestTemplate rest;
  @Autowired
  EmbeddedMoveOutNoticeConnector notices;
  @Autowired
  MunicipalityProperties municipality;
  @Autowired
  JdbcClient jdbc;

  @Test
  void myNumberIsKeptByTheRegistryAndFoundNowhereElse(CapturedOutput output) {
    MoveOutNotice notice = DemoHouseholds.familyOfFive(municipality.code());
    notices.add(notice);
    List<String> numbers = new ArrayList<>();
    for (int i = 0; i < notice.members().size(); i++) {
      String eleven = "9" + String.format("%010d", System.nanoTime() % 10_000_000_000L + i);
      MyNumber number = MyNumber.of(eleven + MyNumber.checkDigit(eleven));
      numbers.add(number.digits());
      notices.recordMyNumber(notice.id(), notice.members().get(i).id(), number);
    }

    String visitId = MoveInDriver.completeMoveIn(rest, notice.id());

    assertThat(jdbc.sql("select my_number from resident where registered_by_visit = ?").param(visitId)
        .query(String.class).list()).containsExactlyInAnyOrderElementsOf(numbers);
    List<String> foundAt = new ArrayList<>();
    for (String table : jdbc.sql("select table_name from information_schema.tables where table_schema = 'PUBLIC'")
        .query(String.class).list()) {
      jdbc.sql("select * from \"" + table + "\"").query(rs -> {
        for (int column = 1; column <= rs.getMetaData().getColumnCount(); column++) {
          String place = table + "." + rs.getMetaData().getColumnName(column);
          String text = text(rs.getObject(column));
          if (!KEPT_IN.contains(place) && numbers.stream().anyMatch(text::contains)) {
            foundAt.add(place);
          }
        }
      });
    }
    assertThat(foundAt).as("tables and columns holding a My Number").isEmpty();
    String visit = ApiClient.as(rest, "counter").get("/api/visits/" + visitId).getBody().toString();
    String audit = ApiClient.as(rest, "admin").get("/api/audit?visitId=" + visitId).getBody().toString();
    numbers.forEach(number -> {
      assertThat(visit).doesNotContain(number);
      assertThat(audit).doesNotContain(number);
      assertThat(output.getAll()).doesNotContain(number);
    });
  }

  private static String text(Object value) throws java.sql.SQLException {
    if (value == null) {
      return "";
    }
    if (value instanceof byte[] bytes) {
      return new String(bytes, StandardCharsets.UTF_8) + new String(bytes, StandardCharsets.UTF_16BE);
    }
    if (value instanceof Blob blob) {
      return text(blob.getBytes(1, (int) blob.length()));
    }
    if (value instanceof Clob clob) {
      return clob.getSubString(1, (int) clob.length());
    }
    return value.toString();
  }
}
