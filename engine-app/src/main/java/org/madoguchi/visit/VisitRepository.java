package org.madoguchi.visit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.madoguchi.connectors.registry.MoveInRegistration;
import org.madoguchi.system.ApiException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Visits in the application's database; the household and answers are JSON documents of the visit row. */
@Repository
public class VisitRepository {

  private static final String COLUMNS = "id, life_event, municipality_code, status, move_out_notice_id, household, "
      + "interview, proposed_procedures, registration, opened_by, opened_at, submitted_at, version";

  /** The stored status of a visit whose procedures run; the view reads how far they are. */
  private static final String PROCEDURES_STARTED = "PROCEDURES_STARTED";

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  VisitRepository(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** Inserts a new visit; another visit of the same notice, opened at the same instant, wins with 409. */
  void insert(Visit visit) {
    try {
      jdbc.sql("insert into visit (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .params(visit.id(), visit.lifeEvent(), visit.municipalityCode(), visit.status().name(),
              visit.moveOutNoticeId(), write(visit.household()), writeNullable(visit.interview()),
              write(visit.proposedProcedures()), writeNullable(visit.registration()), visit.openedBy(),
              Timestamp.from(visit.openedAt()), null, visit.version())
          .update();
    } catch (DuplicateKeyException sameNotice) {
      throw ApiException.conflict("visit-already-open",
          "この転出証明書情報の来庁は、別の窓口で同時に受け付けられました。来庁ボードから開いてください。");
    }
  }

  public Optional<Visit> find(String id) {
    return jdbc.sql("select " + COLUMNS + " from visit where id = ?").param(id).query(this::map).optional();
  }

  /** Visits still open at the counter or whose procedures run, oldest first (the visit board). */
  List<Visit> findByStatusIn(List<VisitStatus> statuses, String municipalityCode) {
    return jdbc.sql("select " + COLUMNS + " from visit where municipality_code = :municipality and status in (:statuses) "
            + "order by opened_at")
        .param("municipality", municipalityCode)
        .param("statuses", statuses.stream()
            .map(status -> status == VisitStatus.ACCEPTING ? PROCEDURES_STARTED : status.name()).toList())
        .query(this::map)
        .list();
  }

  public Optional<String> findOpenVisitForNotice(String noticeId) {
    return jdbc.sql("select id from visit where move_out_notice_id = ? and status in ('INTERVIEW', 'CONFIRMATION')")
        .param(noticeId)
        .query(String.class)
        .optional();
  }

  /** Saves the interview if nobody changed the visit since {@code expectedVersion}; false otherwise. */
  boolean updateInterview(String id, int expectedVersion, InterviewAnswers answers,
      List<ProposedProcedure> proposed) {
    return jdbc.sql("update visit set interview = ?, proposed_procedures = ?, status = ?, version = version + 1 "
            + "where id = ? and version = ? and status in ('INTERVIEW', 'CONFIRMATION')")
        .params(write(answers), write(proposed), VisitStatus.CONFIRMATION.name(), id, expectedVersion)
        .update() == 1;
  }

  /** Moves the visit from CONFIRMATION to SUBMITTED with the signature; false if it was not in CONFIRMATION. */
  boolean submit(String id, int expectedVersion, byte[] signaturePng, Instant submittedAt) {
    return jdbc.sql("update visit set status = ?, signature_png = ?, submitted_at = ?, version = version + 1 "
            + "where id = ? and version = ? and status = ?")
        .params(VisitStatus.SUBMITTED.name(), signaturePng, Timestamp.from(submittedAt), id, expectedVersion,
            VisitStatus.CONFIRMATION.name())
        .update() == 1;
  }

  public void recordRegistration(String id, MoveInRegistration registration) {
    jdbc.sql("update visit set registration = ?, status = ?, version = version + 1 where id = ?")
        .params(write(registration), VisitStatus.REGISTERED.name(), id)
        .update();
  }

  public void markProceduresStarted(String id) {
    jdbc.sql("update visit set status = ?, version = version + 1 where id = ?")
        .params(PROCEDURES_STARTED, id)
        .update();
  }

  public Optional<byte[]> signature(String id) {
    return jdbc.sql("select signature_png from visit where id = ? and signature_png is not null")
        .param(id).query(byte[].class).optional();
  }

  private Visit map(ResultSet rs, int row) throws SQLException {
    String status = rs.getString("status");
    Timestamp submittedAt = rs.getTimestamp("submitted_at");
    return new Visit(
        rs.getString("id"),
        rs.getString("life_event"),
        rs.getString("municipality_code"),
        PROCEDURES_STARTED.equals(status) ? VisitStatus.ACCEPTING : VisitStatus.valueOf(status),
        rs.getString("move_out_notice_id"),
        read(rs.getString("household"), new TypeReference<VisitHousehold>() { }),
        read(rs.getString("interview"), new TypeReference<InterviewAnswers>() { }),
        read(rs.getString("proposed_procedures"), new TypeReference<List<ProposedProcedure>>() { }),
        read(rs.getString("registration"), new TypeReference<MoveInRegistration>() { }),
        rs.getString("opened_by"),
        rs.getTimestamp("opened_at").toInstant(),
        submittedAt == null ? null : submittedAt.toInstant(),
        rs.getInt("version"));
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not write a visit document", e);
    }
  }

  private String writeNullable(Object value) {
    return value == null ? null : write(value);
  }

  private <T> T read(String text, TypeReference<T> type) {
    if (text == null) {
      return null;
    }
    try {
      return json.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not read a visit document", e);
    }
  }
}
