package org.madoguchi.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The append-only record of every read or write of a resident's personal data: who, whose data, which
 * visit, what, when. Entries are written in the caller's transaction, so an access that fails leaves no
 * entry and one that succeeds cannot lose it; {@link AuditChain} seals them into a hash chain moments
 * later. Details never hold the data itself.
 */
@Component
public class AuditLog {

  /** The actor of work the engine's job executor does on its own. */
  public static final String SYSTEM_ACTOR = "system";

  private final JdbcClient jdbc;
  private final Clock clock;

  AuditLog(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public void record(AuditAction action, String visitId, String residentRef, String detail) {
    jdbc.sql("insert into audit_entry (occurred_at, actor, action, visit_id, resident_ref, detail) "
            + "values (?, ?, ?, ?, ?, ?)")
        .params(Timestamp.from(Instant.now(clock)), currentActor(), action.name(), visitId, residentRef, detail)
        .update();
  }

  /** Entries about a visit or about one resident (宛名番号 or notice member id), oldest first. */
  public List<AuditEntry> find(String visitId, String residentRef) {
    return jdbc.sql("select id, occurred_at, actor, action, visit_id, resident_ref, detail from audit_entry "
            + "where (cast(:visit as varchar(36)) is null or visit_id = :visit) "
            + "and (cast(:resident as varchar(40)) is null or resident_ref = :resident) order by id")
        .param("visit", visitId)
        .param("resident", residentRef)
        .query(AuditLog::mapEntry)
        .list();
  }

  static AuditEntry mapEntry(ResultSet rs, int row) throws SQLException {
    return new AuditEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
        AuditAction.valueOf(rs.getString("action")), rs.getString("visit_id"), rs.getString("resident_ref"),
        rs.getString("detail"));
  }

  private static String currentActor() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication == null || !authentication.isAuthenticated() ? SYSTEM_ACTOR : authentication.getName();
  }
}
