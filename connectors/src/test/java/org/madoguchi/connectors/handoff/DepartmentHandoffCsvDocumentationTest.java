package org.madoguchi.connectors.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/department-handoff-csv.md describes the files the connector writes, byte for byte. */
class DepartmentHandoffCsvDocumentationTest {

  private static final Path DOC = Path.of("docs", "department-handoff-csv.md");

  @Test
  void theColumnTableListsTheConnectorsColumnsInOrder() throws IOException {
    // given
    Matcher rows = Pattern.compile("(?m)^\\| `([a-z0-9_]+)` \\|").matcher(Files.readString(DOC));

    // when
    List<String> documented = rows.results().map(r -> r.group(1)).toList();

    // then
    assertThat(documented).containsExactlyElementsOf(FileDepartmentHandoffConnector.COLUMNS);
  }

  @Test
  void theExampleIsWhatTheConnectorWritesForTheSameCase(@TempDir Path outbox) throws IOException {
    // given
    Matcher example = Pattern.compile("(?s)```csv\\n(.*?)```").matcher(Files.readString(DOC));
    assertThat(example.find()).isTrue();
    Files.createDirectory(outbox.resolve("insurance-pension"));
    FileDepartmentHandoffConnector connector = new FileDepartmentHandoffConnector(outbox, false,
        Clock.fixed(Instant.parse("2026-11-20T01:02:03.456Z"), ZoneId.of("Asia/Tokyo")));

    // when
    connector.handOver(new Handoff("4f1c2a9e-8d3b-11f0-a1b2-0242ac120002", "nhiEnrollment", "insurance-pension",
        "V-2026-000123", "462012", List.of("0001000012", "0001000020")));

    // then
    String written = Files.readString(outbox.resolve("insurance-pension/4f1c2a9e-8d3b-11f0-a1b2-0242ac120002.csv"));
    assertThat(written).isEqualTo(example.group(1).replace("\n", "\r\n"));
  }
}
