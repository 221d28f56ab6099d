package org.madoguchi.connectors.handoff;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Records hand-overs in the application's own database, standing in for the department systems in the
 * demo; the primary key on the idempotency key is what makes a repeat harmless.
 */
public class EmbeddedDepartmentHandoffConnector implements DepartmentHandoffConnector {

  private final JdbcClient jdbc;
  private final Clock clock;

  public EmbeddedDepartmentHandoffConnector(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public HandoffReceipt handOver(Handoff handoff) {
    Optional<Instant> earlier = receivedAt(handoff.idempotencyKey());
    if (earlier.isPresent()) {
      return new HandoffReceipt(handoff.idempotencyKey(), earlier.get(), true);
    }
    Instant now = Instant.now(clock);
    jdbc.sql("""
            insert into department_handoff (idempotency_key, procedure_key, department, visit_id,
              municipality_code, atena_numbers, received_at)
            values (?, ?, ?, ?, ?, ?, ?)""")
        .params(handoff.idempotencyKey(), handoff.procedureKey(), handoff.department(), handoff.visitId(),
            handoff.municipalityCode(), String.join(",", handoff.atenaNumbers()), Timestamp.from(now))
        .update();
    return new HandoffReceipt(handoff.idempotencyKey(), now, false);
  }

  private Optional<Instant> receivedAt(String idempotencyKey) {
    return jdbc.sql("select received_at from department_handoff where idempotency_key = ?")
        .param(idempotencyKey)
        .query(Timestamp.class)
        .optional()
        .map(Timestamp::toInstant);
  }
}
