package org.madoguchi.connectors.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.madoguchi.connectors.notice.NoticeCsv.head;
import static org.madoguchi.connectors.notice.NoticeCsv.wife;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;
import org.springframework.transaction.support.TransactionTemplate;

/** The importer storing into the embedded notices on H2, in one transaction per file. */
class CsvImportIntoEmbeddedNoticesTest {

  /** The two notice tables as engine-app's V1__madoguchi.sql creates them. */
  private static final String SCHEMA = """
      create table move_out_notice (
        id                     varchar(20)  primary key,
        source                 varchar(30)  not null,
        to_municipality_code   varchar(6)   not null,
        from_municipality_code varchar(6)   not null,
        from_municipality_name varchar(100) not null,
        from_address           varchar(300) not null,
        moved_out_on           date,
        planned_move_date      date,
        planned_postal_code    varchar(8),
        planned_address        varchar(300),
        planned_address_line2  varchar(200),
        used_by_visit          varchar(36)
      );
      create table move_out_notice_member (
        notice_id                  varchar(20)  not null references move_out_notice (id),
        member_id                  varchar(40)  not null,
        position                   int          not null,
        family_name                varchar(100) not null,
        given_name                 varchar(100) not null,
        family_name_kana           varchar(200) not null,
        given_name_kana            varchar(200) not null,
        birth_date                 date         not null,
        sex                        varchar(10)  not null,
        relationship               varchar(40)  not null,
        household_head             boolean      not null,
        nhi_insured                boolean      not null,
        late_stage_elderly_insured boolean      not null,
        long_term_care_certified   boolean      not null,
        national_pension_insured   boolean      not null,
        child_allowance_recipient  boolean      not null,
        holds_my_number_card       boolean      not null,
        primary key (notice_id, member_id)
      )""";

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-01T00:00:00Z"), ZoneId.of("Asia/Tokyo"));

  private EmbeddedDatabase database;
  private JdbcClient jdbc;
  private EmbeddedMoveOutNoticeConnector notices;
  private TransactionTemplate transaction;

  @BeforeEach
  void createTables() {
    database = new EmbeddedDatabaseBuilder().setType(EmbeddedDatabaseType.H2)
        .setName("notices-" + UUID.randomUUID()).build();
    jdbc = JdbcClient.create(database);
    for (String statement : SCHEMA.split(";")) {
      jdbc.sql(statement).update();
    }
    notices = new EmbeddedMoveOutNoticeConnector(jdbc);
    transaction = new TransactionTemplate(new DataSourceTransactionManager(database));
  }

  @AfterEach
  void dropDatabase() {
    database.shutdown();
  }

  @Test
  void anImportedNoticeIsPendingForItsMunicipalityWithItsReadingInFullWidthKatakana() {
    // given
    CsvMoveOutNoticeImporter importer = new CsvMoveOutNoticeImporter(notices, transaction, CLOCK);

    // when
    MoveOutNoticeImportReport report = importer.importCsv(new NoticeCsv().row(head("N1")).row(wife("N1")).bytes());

    // then
    assertThat(report.imported()).containsExactly("N1");
    assertThat(notices.contains("N1")).isTrue();
    assertThat(notices.isPending("462012", "N1")).isTrue();
    assertThat(notices.isPending("401331", "N1")).as("another municipality's").isFalse();
    assertThat(notices.isPending("462012", "N9")).as("unknown").isFalse();
    assertThat(notices.contains("N9")).isFalse();
    assertThat(notices.listPending("462012")).singleElement().satisfies(summary -> {
      assertThat(summary.householdHeadNameKana()).isEqualTo("カゴシマ　タロウ");
      assertThat(summary.memberCount()).isEqualTo(2);
    });
    assertThat(notices.find("N1")).get().extracting(n -> n.members().get(1).name().givenNameKana())
        .isEqualTo("ハナコ");
  }

  @Test
  void aCardHoldersNameAndBirthDateFindTheirPendingNoticeBySqlAsTheScanningDefaultDoes() {
    // given: two households, the wife of N1 also on N2 under another birth date
    CsvMoveOutNoticeImporter importer = new CsvMoveOutNoticeImporter(notices, transaction, CLOCK);
    importer.importCsv(new NoticeCsv().row(head("N1")).row(wife("N1"))
        .row(NoticeCsv.with(head("N2"), "birth_date", "1990-01-01")).bytes());
    MoveOutNoticeConnector scanning = new MoveOutNoticeConnector() {
      @Override
      public List<MoveOutNoticeSummary> listPending(String municipalityCode) {
        return notices.listPending(municipalityCode);
      }

      @Override
      public Optional<MoveOutNotice> find(String noticeId) {
        return notices.find(noticeId);
      }

      @Override
      public void markUsed(String noticeId, String visitId) {
        notices.markUsed(noticeId, visitId);
      }
    };

    for (MoveOutNoticeConnector connector : List.of(notices, scanning)) {
      // when / then: the card writes the name in one piece, with a full-width space or none
      assertThat(connector.findPendingFor("462012", "鹿児島　太郎", LocalDate.of(1985, 4, 2)))
          .extracting(MoveOutNoticeSummary::id).containsExactly("N1");
      assertThat(connector.findPendingFor("462012", "鹿児島太郎", LocalDate.of(1990, 1, 1)))
          .extracting(MoveOutNoticeSummary::id).containsExactly("N2");
      assertThat(connector.findPendingFor("462012", "鹿児島 花子", LocalDate.of(1987, 9, 9)))
          .extracting(MoveOutNoticeSummary::id).containsExactly("N1");
      assertThat(connector.findPendingFor("462012", "鹿児島　太郎", LocalDate.of(1985, 4, 3))).isEmpty();
      assertThat(connector.findPendingFor("401331", "鹿児島　太郎", LocalDate.of(1985, 4, 2))).isEmpty();
      assertThat(connector.isPending("462012", "N2")).isTrue();
      assertThat(connector.isPending("401331", "N2")).isFalse();
    }
    notices.markUsed("N1", "V-2026-000001");
    assertThat(notices.findPendingFor("462012", "鹿児島　太郎", LocalDate.of(1985, 4, 2))).isEmpty();
    assertThat(List.of(notices, scanning)).allSatisfy(connector -> {
      assertThat(connector.isPending("462012", "N1")).as("used").isFalse();
      assertThat(connector.isPending("462012", "N2")).isTrue();
    });
  }

  @Test
  void importingAgainAfterTheNoticeWasUsedLeavesItUsed() {
    // given
    CsvMoveOutNoticeImporter importer = new CsvMoveOutNoticeImporter(notices, transaction, CLOCK);
    byte[] csv = new NoticeCsv().row(head("N1")).bytes();
    importer.importCsv(csv);
    notices.markUsed("N1", "V-2026-000001");

    // when
    MoveOutNoticeImportReport again = importer.importCsv(csv);

    // then
    assertThat(again.alreadyKept()).containsExactly("N1");
    assertThat(notices.listPending("462012")).isEmpty();
    assertThat(notices.isPending("462012", "N1")).isFalse();
    assertThat(jdbc.sql("select count(*) from move_out_notice_member").query(Integer.class).single()).isEqualTo(1);
  }

  @Test
  void aStoreThatFailsHalfwayKeepsNoneOfTheFile() {
    // given: the second notice cannot be stored
    MoveOutNoticeStore failingOnTheSecond = new MoveOutNoticeStore() {
      private int adds;

      @Override
      public boolean contains(String noticeId) {
        return notices.contains(noticeId);
      }

      @Override
      public void add(MoveOutNotice notice) {
        if (++adds == 2) {
          throw new IllegalStateException("the database went away");
        }
        notices.add(notice);
      }
    };
    CsvMoveOutNoticeImporter importer = new CsvMoveOutNoticeImporter(failingOnTheSecond, transaction, CLOCK);
    byte[] csv = new NoticeCsv().row(head("N1")).row(wife("N1")).row(head("N2")).bytes();

    // when / then
    assertThatThrownBy(() -> importer.importCsv(csv)).hasMessage("the database went away");
    assertThat(jdbc.sql("select count(*) from move_out_notice").query(Integer.class).single()).isZero();
    assertThat(jdbc.sql("select count(*) from move_out_notice_member").query(Integer.class).single()).isZero();
  }
}
