package org.madoguchi.connectors.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.madoguchi.connectors.notice.NoticeCsv.child;
import static org.madoguchi.connectors.notice.NoticeCsv.head;
import static org.madoguchi.connectors.notice.NoticeCsv.wife;
import static org.madoguchi.connectors.notice.NoticeCsv.with;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.madoguchi.connectors.notice.MoveOutNoticeImportReport.Problem;
import org.madoguchi.connectors.registry.HouseholdMember;
import org.madoguchi.connectors.registry.PersonName;
import org.madoguchi.connectors.registry.Sex;
import org.madoguchi.connectors.registry.StatusFlags;
import org.springframework.transaction.support.TransactionOperations;

class CsvMoveOutNoticeImporterTest {

  private static final Clock NOVEMBER_2026 =
      Clock.fixed(LocalDate.of(2026, 11, 1).atStartOfDay(ZoneId.of("Asia/Tokyo")).toInstant(), ZoneId.of("Asia/Tokyo"));

  private final InMemoryStore store = new InMemoryStore();
  private final CsvMoveOutNoticeImporter importer =
      new CsvMoveOutNoticeImporter(store, TransactionOperations.withoutTransaction(), NOVEMBER_2026);

  @Nested
  class AGoodFile {

    @Test
    void storesAHouseholdWithEveryColumnReadAndTheReadingsInFullWidthKatakana() {
      // given
      byte[] csv = new NoticeCsv().row(head("N2026-0001")).row(wife("N2026-0001")).bytes();

      // when
      MoveOutNoticeImportReport report = importer.importCsv(csv);

      // then
      assertThat(report.succeeded()).isTrue();
      assertThat(report.rows()).isEqualTo(2);
      assertThat(report.imported()).containsExactly("N2026-0001");
      MoveOutNotice notice = store.notices.get("N2026-0001");
      assertThat(notice).isEqualTo(new MoveOutNotice("N2026-0001", MoveOutNotice.Source.JUKI_NET, "462012",
          "131016", "東京都千代田区", "東京都千代田区永田町1丁目7番1号", LocalDate.of(2026, 11, 15),
          LocalDate.of(2026, 11, 20), "8928677", "鹿児島県鹿児島市山下町11番1号", null, List.of(
              new HouseholdMember("m1", new PersonName("鹿児島", "太郎", "カゴシマ", "タロウ"), LocalDate.of(1985, 4, 2),
                  Sex.MALE, "世帯主", true, new StatusFlags(true, false, false, true, false, true)),
              new HouseholdMember("m2", new PersonName("鹿児島", "花子", "カゴシマ", "ハナコ"), LocalDate.of(1987, 9, 9),
                  Sex.FEMALE, "妻", false, new StatusFlags(true, false, false, true, false, false)))));
    }

    @Test
    void storesSeveralNoticesInFileOrderWithTheirMembersInRowOrderEvenWhenTheRowsInterleave() {
      // given
      byte[] csv = new NoticeCsv()
          .row(head("N2"))
          .row(with(head("N1"), "source", "ONLINE_MOVING_SERVICE"))
          .row(child("N2", "c1", "一郎", "いちろう"))
          .row(with(wife("N1"), "source", "ONLINE_MOVING_SERVICE"))
          .row(child("N2", "c2", "次郎", "ｼﾞﾛｳ"))
          .bytes();

      // when
      MoveOutNoticeImportReport report = importer.importCsv(csv);

      // then
      assertThat(report.imported()).containsExactly("N2", "N1");
      assertThat(store.order).containsExactly("N2", "N1");
      assertThat(store.notices.get("N2").members()).extracting(HouseholdMember::id).containsExactly("m1", "c1", "c2");
      assertThat(store.notices.get("N2").members().get(2).name().givenNameKana()).isEqualTo("ジロウ");
      assertThat(store.notices.get("N2").members().get(1).birthDate()).isEqualTo(LocalDate.of(2018, 6, 1));
      assertThat(store.notices.get("N1").source()).isEqualTo(MoveOutNotice.Source.ONLINE_MOVING_SERVICE);
    }

    @Test
    void readsAByteOrderMarkFullWidthDigitsAndJapaneseSexAndLeavesOptionalColumnsEmpty() {
      // given
      Map<String, String> row = head("N1");
      row.put("to_municipality_code", "４６２０１２");
      row.put("sex", "男");
      row.put("moved_out_on", "");
      row.put("planned_move_date", "");
      row.put("planned_postal_code", "");
      row.put("planned_address", "");
      byte[] body = new NoticeCsv().row(row).bytes();
      byte[] csv = new byte[body.length + 3];
      csv[0] = (byte) 0xEF;
      csv[1] = (byte) 0xBB;
      csv[2] = (byte) 0xBF;
      System.arraycopy(body, 0, csv, 3, body.length);

      // when
      MoveOutNoticeImportReport report = importer.importCsv(csv);

      // then
      assertThat(report.problems()).isEmpty();
      MoveOutNotice notice = store.notices.get("N1");
      assertThat(notice.toMunicipalityCode()).isEqualTo("462012");
      assertThat(notice.householdHead().sex()).isEqualTo(Sex.MALE);
      assertThat(notice.movedOutOn()).isNull();
      assertThat(notice.plannedMoveDate()).isNull();
      assertThat(notice.plannedPostalCode()).isNull();
      assertThat(notice.plannedAddress()).isNull();
    }

    @Test
    void readsTheColumnsByTheirHeaderNamesInAnyOrder() {
      // given
      List<String> reversed = new ArrayList<>(CsvMoveOutNoticeImporter.COLUMNS);
      java.util.Collections.reverse(reversed);
      byte[] csv = new NoticeCsv(reversed).row(head("N1")).bytes();

      // when
      MoveOutNoticeImportReport report = importer.importCsv(csv);

      // then
      assertThat(report.succeeded()).isTrue();
      assertThat(store.notices.get("N1").members().get(0).name().familyNameKana()).isEqualTo("カゴシマ");
    }

    @Test
    void importingTheSameFileAgainSkipsTheNoticesKeptAlready() {
      // given
      byte[] first = new NoticeCsv().row(head("N1")).row(wife("N1")).bytes();
      importer.importCsv(first);
      byte[] again = new NoticeCsv().row(head("N1")).row(wife("N1")).row(head("N2")).bytes();

      // when
      MoveOutNoticeImportReport report = importer.importCsv(again);

      // then
      assertThat(report.succeeded()).isTrue();
      assertThat(report.alreadyKept()).containsExactly("N1");
      assertThat(report.imported()).containsExactly("N2");
      assertThat(store.adds).isEqualTo(2);
    }

    @Test
    void importsAFileFromAPathAndAStream(@TempDir Path folder) throws IOException {
      // given
      Path file = folder.resolve("notices.csv");
      Files.write(file, new NoticeCsv().row(head("N1")).bytes());

      // when
      MoveOutNoticeImportReport fromFile = importer.importFile(file);
      MoveOutNoticeImportReport fromStream =
          importer.importCsv(new ByteArrayInputStream(new NoticeCsv().row(head("N2")).bytes()));

      // then
      assertThat(fromFile.imported()).containsExactly("N1");
      assertThat(fromStream.imported()).containsExactly("N2");
    }

    @Test
    void aHeaderWithoutRowsImportsNothingAndSucceeds() {
      // when
      MoveOutNoticeImportReport report = importer.importCsv(new NoticeCsv().bytes());

      // then
      assertThat(report.succeeded()).isTrue();
      assertThat(report.rows()).isZero();
      assertThat(store.adds).isZero();
    }
  }

  @Nested
  class AFileWithProblems {

    @Test
    void storesNothingAndListsEveryProblemByLineAndColumnWithoutTheValues() {
      // given: line 2 is fine, lines 3 and 4 are not
      Map<String, String> bad = wife("N1");
      bad.put("given_name_kana", "花子");
      bad.put("birth_date", "平成31年5月1日");
      bad.put("nhi_insured", "yes");
      byte[] csv = new NoticeCsv()
          .row(head("N1"))
          .row(bad)
          .row(with(head("N2"), "from_municipality_code", "131017"))
          .bytes();

      // when
      MoveOutNoticeImportReport report = importer.importCsv(csv);

      // then
      assertThat(report.succeeded()).isFalse();
      assertThat(report.imported()).isEmpty();
      assertThat(store.adds).isZero();
      assertThat(report.problems()).extracting(Problem::line, Problem::column).containsExactly(
          org.assertj.core.groups.Tuple.tuple(3, "given_name_kana"),
          org.assertj.core.groups.Tuple.tuple(3, "birth_date"),
          org.assertj.core.groups.Tuple.tuple(3, "nhi_insured"),
          org.assertj.core.groups.Tuple.tuple(4, "from_municipality_code"));
      assertThat(report.problems().get(0).message()).contains("character 1").contains("a kanji");
      assertThat(report.problems().get(1).message()).contains("not within that era");
      assertThat(report.problems().get(3).message()).contains("check digit");
      assertThat(report.problems().toString())
          .doesNotContain("花子").doesNotContain("平成31").doesNotContain("yes").doesNotContain("131017");
    }

    @Test
    void aNoticeWithoutAHouseholdHeadIsAProblemOnItsFirstRow() {
      // given
      byte[] csv = new NoticeCsv().row(head("N0")).row(with(head("N1"), "household_head", "0")).row(wife("N1"))
          .bytes();

      // when
      MoveOutNoticeImportReport report = importer.importCsv(csv);

      // then
      assertThat(report.problems()).containsExactly(new Problem(3, "household_head",
          "this notice has no household head: write 1 on exactly one of its rows"));
      assertThat(store.adds).isZero();
    }

    @Test
    void aNoticeWithTwoHouseholdHeadsIsAProblemOnTheSecond() {
      // given
      byte[] csv = new NoticeCsv().row(head("N1")).row(with(wife("N1"), "household_head", "1")).bytes();

      // when
      MoveOutNoticeImportReport report = importer.importCsv(csv);

      // then
      assertThat(report.problems()).singleElement()
          .extracting(Problem::line, Problem::column, Problem::message)
          .containsExactly(3, "household_head", "a second household head for this notice (the first is on line 2)");
    }

    @Test
    void rowsOfOneNoticeThatDisagreeOnTheNoticesColumns() {
      // given
      byte[] csv = new NoticeCsv().row(head("N1"))
          .row(with(with(wife("N1"), "from_address", "東京都港区"), "planned_move_date", "2026-11-21")).bytes();

      // when
      MoveOutNoticeImportReport report = importer.importCsv(csv);

      // then
      assertThat(report.problems()).extracting(Problem::line, Problem::column).containsExactly(
          org.assertj.core.groups.Tuple.tuple(3, "from_address"),
          org.assertj.core.groups.Tuple.tuple(3, "planned_move_date"));
      assertThat(report.problems().get(0).message()).startsWith("differs from line 2").doesNotContain("港区");
    }

    @Test
    void theSameMemberTwiceInANotice() {
      // given
      byte[] csv = new NoticeCsv().row(head("N1")).row(with(wife("N1"), "member_id", "m1")).bytes();

      // when
      MoveOutNoticeImportReport report = importer.importCsv(csv);

      // then
      assertThat(report.problems()).containsExactly(new Problem(3, "member_id", "the same member is on line 2"));
    }

    @Test
    void requiredColumnsLeftEmptyAndValuesTooLong() {
      // given
      Map<String, String> row = head("N1");
      row.put("family_name", "");
      row.put("sex", "");
      row.put("from_address", "東".repeat(301));
      row.put("notice_id", "N1/../../etc");

      // when
      MoveOutNoticeImportReport report = importer.importCsv(new NoticeCsv().row(row).bytes());

      // then
      assertThat(report.problems()).containsExactly(
          new Problem(2, "notice_id", "1 to 20 ASCII letters, digits, '-' or '_'"),
          new Problem(2, "from_address", "longer than 300 characters"),
          new Problem(2, "family_name", "required"),
          new Problem(2, "sex", "required"));
    }

    @Test
    void aBirthDateInTheFutureAndABadPostalCode() {
      // given
      Map<String, String> row = head("N1");
      row.put("birth_date", "R8.11.2");
      row.put("planned_postal_code", "892-867");

      // when
      MoveOutNoticeImportReport report = importer.importCsv(new NoticeCsv().row(row).bytes());

      // then
      assertThat(report.problems()).extracting(Problem::column).containsExactly("planned_postal_code", "birth_date");
      assertThat(report.problems().get(1).message()).isEqualTo("the birth date is in the future");
    }

    @Test
    void aRowWithTheWrongNumberOfFields() {
      // given
      String csv = new NoticeCsv().row(head("N1")).text() + "N2,JUKI_NET,462012\r\n";

      // when
      MoveOutNoticeImportReport report = importer.importCsv(csv.getBytes(StandardCharsets.UTF_8));

      // then
      assertThat(report.problems()).singleElement().satisfies(problem -> {
        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.column()).isNull();
        assertThat(problem.message()).contains("3 fields where the header has 26");
      });
      assertThat(store.adds).isZero();
    }

    @Test
    void aHeaderThatLacksAColumnOrNamesAnUnknownOne() {
      // given
      List<String> columns = new ArrayList<>(CsvMoveOutNoticeImporter.COLUMNS);
      columns.remove("sex");
      columns.add("gender");
      byte[] csv = new NoticeCsv(columns).row(head("N1")).bytes();

      // when
      MoveOutNoticeImportReport report = importer.importCsv(csv);

      // then
      assertThat(report.problems()).containsExactlyInAnyOrder(
          new Problem(1, null, "header column 26 is not a column of the layout (gender)"),
          new Problem(1, "sex", "the header lacks this column"));
      assertThat(report.rows()).isEqualTo(1);
    }

    @Test
    void aShiftJisFileIsRefusedAtTheLineOfItsFirstJapaneseText() {
      // given
      byte[] csv = new NoticeCsv().row(head("N1")).text().getBytes(Charset.forName("Shift_JIS"));

      // when
      MoveOutNoticeImportReport report = importer.importCsv(csv);

      // then
      assertThat(report.problems()).containsExactly(new Problem(2, null,
          "the file is not UTF-8 (a Shift_JIS export?): save it as UTF-8"));
    }

    @Test
    void brokenQuotingIsReportedByLine() {
      // given
      String csv = new NoticeCsv().row(head("N1")).text() + "\"N2,JUKI_NET\r\n";

      // when
      MoveOutNoticeImportReport report = importer.importCsv(csv.getBytes(StandardCharsets.UTF_8));

      // then
      assertThat(report.problems()).containsExactly(new Problem(3, null, "a quoted field is never closed"));
    }

    @Test
    void anEmptyFile() {
      assertThat(importer.importCsv(new byte[0]).problems()).singleElement()
          .satisfies(problem -> assertThat(problem.message()).startsWith("the file is empty"));
    }

    @Test
    void anUnknownSourceAndAFlagThatIsNotZeroOrOne() {
      // given
      Map<String, String> row = head("N1");
      row.put("source", "FAX");
      row.put("holds_my_number_card", "2");

      // when
      MoveOutNoticeImportReport report = importer.importCsv(new NoticeCsv().row(row).bytes());

      // then
      assertThat(report.problems()).containsExactly(
          new Problem(2, "source", "JUKI_NET or ONLINE_MOVING_SERVICE"),
          new Problem(2, "holds_my_number_card", "0 or 1"));
    }
  }

  /** Keeps notices in memory, counting what was added. */
  static final class InMemoryStore implements MoveOutNoticeStore {

    final Map<String, MoveOutNotice> notices = new LinkedHashMap<>();
    final List<String> order = new ArrayList<>();
    int adds;

    @Override
    public boolean contains(String noticeId) {
      return notices.containsKey(noticeId);
    }

    @Override
    public void add(MoveOutNotice notice) {
      notices.put(notice.id(), notice);
      order.add(notice.id());
      adds++;
    }
  }
}
