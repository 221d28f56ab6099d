package org.madoguchi.connectors.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.madoguchi.connectors.registry.HouseholdMember;
import org.springframework.transaction.support.TransactionOperations;

/** docs/move-out-notice-csv.md describes the layout the importer reads, and its example imports. */
class MoveOutNoticeCsvDocumentationTest {

  private static final Path DOC = Path.of("docs", "move-out-notice-csv.md");

  @Test
  void theColumnTableListsTheImportersColumnsInOrder() throws IOException {
    // given
    Matcher rows = Pattern.compile("(?m)^\\| \\d+ \\| `([a-z0-9_]+)` \\|").matcher(Files.readString(DOC));

    // when
    List<String> documented = rows.results().map(r -> r.group(1)).toList();

    // then
    assertThat(documented).containsExactlyElementsOf(CsvMoveOutNoticeImporter.COLUMNS);
  }

  @Test
  void theExampleImportsAsItSays() throws IOException {
    // given
    Matcher example = Pattern.compile("(?s)```csv\\n(.*?)```").matcher(Files.readString(DOC));
    assertThat(example.find()).isTrue();
    CsvMoveOutNoticeImporterTest.InMemoryStore store = new CsvMoveOutNoticeImporterTest.InMemoryStore();
    CsvMoveOutNoticeImporter importer = new CsvMoveOutNoticeImporter(store, TransactionOperations.withoutTransaction(),
        Clock.fixed(Instant.parse("2026-11-01T00:00:00Z"), ZoneId.of("Asia/Tokyo")));

    // when
    MoveOutNoticeImportReport report = importer.importCsv(example.group(1).getBytes(StandardCharsets.UTF_8));

    // then
    assertThat(report.problems()).isEmpty();
    assertThat(report.rows()).isEqualTo(4);
    assertThat(report.imported()).containsExactly("N2026-0001", "N2026-0002");
    MoveOutNotice kagoshima = store.notices.get("N2026-0001");
    assertThat(kagoshima.members()).extracting(m -> m.name().fullNameKana())
        .containsExactly("カゴシマ　タロウ", "カゴシマ　ハナコ", "カゴシマ　サクラ");
    assertThat(kagoshima.members()).extracting(HouseholdMember::birthDate)
        .containsExactly(LocalDate.of(1985, 4, 2), LocalDate.of(1987, 9, 9), LocalDate.of(2018, 6, 1));
    assertThat(store.notices.get("N2026-0002").plannedAddressLine2()).isEqualTo("サンプルマンション 301");
  }
}
