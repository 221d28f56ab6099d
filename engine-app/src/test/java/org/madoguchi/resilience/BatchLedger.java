package org.madoguchi.resilience;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.madoguchi.support.PostgresDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * What the database of a batch of move-ins holds, read directly, and checked for work lost or done twice: each
 * visit registered once, each procedure started once and handed over once, each application archived once in
 * an unbroken chain, and the audit log without doubled entries.
 */
final class BatchLedger {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final JdbcClient jdbc;

  BatchLedger(String databaseUrl) {
    jdbc = JdbcClient.create(new DriverManagerDataSource(databaseUrl, PostgresDatabase.USER,
        PostgresDatabase.PASSWORD));
  }

  JdbcClient jdbc() {
    return jdbc;
  }

  /** Checks every visit was done once, and prints the counts it checked under the name of {@code test}. */
  void assertEveryVisitDoneOnce(String test, List<String> visitIds) {
    printCounts(test, visitIds);
    SoftAssertions softly = new SoftAssertions();
    for (String visitId : visitIds) {
      int members = json("select household from visit where id = ?", visitId).path("members").size();
      int proposed = json("select proposed_procedures from visit where id = ?", visitId).size();

      softly.assertThat(count("select count(*) from registry_move_in where visit_id = ?", visitId))
          .as("move-in registrations of %s", visitId).isEqualTo(1);
      softly.assertThat(strings("select source_member_ref from resident where registered_by_visit = ?", visitId))
          .as("residents registered by %s", visitId).hasSize(members).doesNotHaveDuplicates();

      List<String> started = strings("select process_instance_id from visit_procedure where visit_id = ?", visitId);
      softly.assertThat(started).as("procedures started by %s", visitId).hasSize(proposed);
      softly.assertThat(strings("select id_ from act_hi_procinst where business_key_ = ? "
              + "and proc_def_key_ <> 'move-in-visit'", visitId))
          .as("procedure instances of %s in the engine's history", visitId)
          .containsExactlyInAnyOrderElementsOf(started);
      softly.assertThat(count("select count(*) from act_hi_procinst where business_key_ = ? "
              + "and proc_def_key_ = 'move-in-visit'", visitId))
          .as("visit processes of %s", visitId).isEqualTo(1);
      softly.assertThat(count("select count(*) from act_hi_procinst where business_key_ = ? and end_time_ is null",
          visitId)).as("unfinished process instances of %s", visitId).isZero();
      softly.assertThat(strings("select idempotency_key from department_handoff where visit_id = ?", visitId))
          .as("hand-overs of %s", visitId).containsExactlyInAnyOrderElementsOf(started);

      // the move-in notification and one application per procedure
      long documents = count("select count(*) from application_document where visit_id = ?", visitId);
      softly.assertThat(documents).as("archived applications of %s", visitId).isEqualTo(proposed + 1);
      softly.assertThat(count("select count(*) from audit_entry where visit_id = ? and action = 'ARCHIVE_DOCUMENT'",
          visitId)).as("archive entries in the audit log of %s", visitId).isEqualTo(documents);
      softly.assertThat(count("select count(*) from audit_entry where visit_id = ? and action = 'REGISTER_RESIDENT'",
          visitId)).as("registration entries in the audit log of %s", visitId).isEqualTo(members);
    }
    softly.assertThat(count("select count(*) from application_document a left join application_document b "
        + "on b.chain_position = a.chain_position - 1 where a.chain_position > 1 "
        + "and (b.sha256 is null or b.sha256 <> a.previous_sha256)"))
        .as("documents not linked to the one before them").isZero();
    softly.assertThat(count("select count(*) - coalesce(max(chain_position), 0) from application_document"))
        .as("gaps in the chain").isZero();
    softly.assertThat(count("select count(*) from act_ru_incident")).as("incidents").isZero();
    softly.assertThat(count("select count(*) from act_ru_job")).as("jobs left").isZero();
    softly.assertAll();
  }

  private void printCounts(String test, List<String> visitIds) {
    long completed = visitIds.stream().filter(visitId -> count("select count(*) from act_hi_procinst "
        + "where business_key_ = ? and end_time_ is null", visitId) == 0).count();
    long registrations = 0;
    long procedureStarts = 0;
    long handOvers = 0;
    for (String visitId : visitIds) {
      registrations += Math.max(0, count("select count(*) from registry_move_in where visit_id = ?", visitId) - 1);
      procedureStarts += Math.max(0, count("select count(*) from act_hi_procinst where business_key_ = ? "
          + "and proc_def_key_ <> 'move-in-visit'", visitId)
          - count("select count(*) from visit_procedure where visit_id = ?", visitId));
      handOvers += count("select count(*) - count(distinct idempotency_key) from department_handoff "
          + "where visit_id = ?", visitId);
    }
    System.out.printf("[%s] visits submitted=%d, completed=%d, incidents=%d, duplicates found=%d "
            + "(registrations %d, procedure starts %d, hand-overs %d)%n", test, visitIds.size(), completed,
        count("select count(*) from act_ru_incident"), registrations + procedureStarts + handOvers, registrations,
        procedureStarts, handOvers);
  }

  private long count(String sql, Object... parameters) {
    return jdbc.sql(sql).params(parameters).query(Long.class).single();
  }

  private List<String> strings(String sql, Object... parameters) {
    return jdbc.sql(sql).params(parameters).query(String.class).list();
  }

  private JsonNode json(String sql, Object... parameters) {
    try {
      return JSON.readTree(jdbc.sql(sql).params(parameters).query(String.class).single());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
