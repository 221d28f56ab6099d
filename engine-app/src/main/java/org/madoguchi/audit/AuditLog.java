package org.madoguchi.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.madoguchi.security.CurrentStaff;
import org.madoguchi.system.MunicipalityProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The append-only record of every read or write of a resident's personal data: who, whose data, which
 * visit, what, when, and the municipality whose data it is. Entries are written in the caller's transaction,
 * so an access that fails leaves no entry and one that succeeds cannot lose it; {@link AuditChain} seals them
 * into a hash chain moments later. Details never hold the data itself.
 */
@Component
public class AuditLog {

  /** The actor of work the engine's job executor does on its own. */
  public static final String SYSTEM_ACTOR = "system";

  private final JdbcClient jdbc;
  private final Clock clock;
  private final MunicipalityProperties home;

  AuditLog(JdbcClient jdbc, Clock clock, MunicipalityProperties home) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.home = home;
  }

  /** Records an access in the visit's municipality or, without a visit, in the signed-in staff member's. */
  public void record(AuditAction action, String visitId, String residentRef, String detail) {
    record(action, currentMunicipality(), visitId, residentRef, detail);
  }

  /**
   * Records an access to data of municipality {@code municipalityCode} (a visit's municipality comes first). An
   * access of no one municipality — an installation administrator's query across all — is filed under the home
   * municipality.
   */
  public void record(AuditAction action, String municipalityCode, String visitId, String residentRef,
      String detail) {
    jdbc.sql("insert into audit_entry (occurred_at, actor, action, visit_id, resident_ref, detail, "
            + "municipality_code) values (?, ?, ?, ?, ?, ?, "
            + "coalesce((select municipality_code from visit where id = ?), ?))")
        .params(Timestamp.from(Instant.now(clock)), currentActor(), action.name(), visitId, residentRef, detail,
            visitId, municipalityCode != null ? municipalityCode : home.code())
        .update();
  }

  /**
   * Entries about a visit or about one resident (宛名番号 or notice member id), oldest first, of municipality
   * {@code municipalityCode} (null: of every municipality).
   */
  public List<AuditEntry> find(String visitId, String residentRef, String municipalityCode) {
    return jdbc.sql("select id, occurred_at, actor, action, visit_id, resident_ref, detail, municipality_code "
            + "from audit_entry where (cast(:visit as varchar(36)) is null or visit_id = :visit) "
            + "and (cast(:resident as varchar(40)) is null or resident_ref = :resident) "
            + "and (cast(:municipality as varchar(6)) is null or municipality_code = :municipality) order by id")
        .param("visit", visitId)
        .param("resident", residentRef)
        .param("municipality", municipalityCode)
        .query(AuditLog::mapEntry)
        .list();
  }

  static AuditEntry mapEntry(ResultSet rs, int row) throws SQLException {
    return new AuditEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
        AuditAction.valueOf(rs.getString("action")), rs.getString("visit_id"), rs.getString("resident_ref"),
        rs.getString("detail"), rs.getString("municipality_code"));
  }

  private static String currentActor() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication == null || !authentication.isAuthenticated() ? SYSTEM_ACTOR : authentication.getName();
  }

  private static String currentMunicipality() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication == null || !authentication.isAuthenticated() ? null : CurrentStaff.get().tenantId();
  }
}
