package org.madoguchi.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seals the audit log into a hash chain and verifies it. Entries are sealed in the order they were
 * committed, a few seconds after it (so that a transaction still open with a lower id is not skipped), by
 * one node at a time; each gets the next chain position, the previous entry's hash, and SHA-256 over both
 * and its own fields. Changing, removing or reordering a sealed entry breaks the chain at that entry.
 */
@Component
public class AuditChain {

  /** How long after it was written an entry is sealed: longer than any request's transaction. */
  static final Duration SETTLE_TIME = Duration.ofSeconds(5);
  private static final int BATCH = 1_000;
  private static final Logger log = LoggerFactory.getLogger(AuditChain.class);

  private final JdbcClient jdbc;
  private final JdbcTemplate batches;
  private final Clock clock;

  AuditChain(JdbcClient jdbc, JdbcTemplate batches, Clock clock) {
    this.jdbc = jdbc;
    this.batches = batches;
    this.clock = clock;
  }

  /**
   * What a verification found.
   *
   * @param firstPosition the first position still in the table: above 1 once older entries were exported and
   *     rotated out, when the export's last hash must equal this entry's previous hash
   */
  public record Verification(long sealed, long unsealed, long firstPosition, boolean intact, Long brokenAtPosition,
      String problem) {
  }

  @Scheduled(fixedDelayString = "${madoguchi.audit.seal-interval:5s}", initialDelayString = "${madoguchi.audit.seal-interval:5s}")
  void sealSettledEntries() {
    sealWrittenBefore(Instant.now(clock).minus(SETTLE_TIME));
  }

  /** Seals the entries written before {@code cutoff}, oldest first; returns how many it sealed. */
  @Transactional
  public int sealWrittenBefore(Instant cutoff) {
    // The lock row makes the sealers of several nodes take turns.
    jdbc.sql("select id from audit_chain_lock where id = 1 for update").query(Integer.class).single();
    Link last = jdbc.sql("select chain_position, entry_hash from audit_entry where chain_position = "
            + "(select max(chain_position) from audit_entry)")
        .query((rs, row) -> new Link(rs.getLong(1), rs.getString(2))).optional().orElse(Link.START);
    // A batch at a time: a long backlog is sealed over several runs instead of read whole into memory.
    List<AuditEntry> unsealed = jdbc.sql("select id, occurred_at, actor, action, visit_id, resident_ref, detail, "
            + "municipality_code from audit_entry where chain_position is null and occurred_at < ? order by id "
            + "fetch first ? rows only")
        .params(Timestamp.from(cutoff), BATCH)
        .query(AuditLog::mapEntry)
        .list();
    List<Object[]> seals = new ArrayList<>(unsealed.size());
    for (AuditEntry entry : unsealed) {
      long position = last.position() + 1;
      String hash = hash(position, last.hash(), entry);
      seals.add(new Object[] {position, last.hash(), hash, entry.id()});
      last = new Link(position, hash);
    }
    // One round trip for the batch rather than one per entry.
    batches.batchUpdate("update audit_entry set chain_position = ?, previous_hash = ?, entry_hash = ? where id = ?",
        seals);
    int sealed = seals.size();
    if (sealed > 0) {
      log.debug("sealed {} audit entries up to chain position {}", sealed, last.position());
    }
    return sealed;
  }

  /** Walks the whole chain and recomputes every hash. */
  @Transactional(readOnly = true)
  public Verification verify() {
    long unsealed = jdbc.sql("select count(*) from audit_entry where chain_position is null")
        .query(Long.class).single();
    Link previous = Link.START;
    long first = 1;
    long sealed = 0;
    List<Sealed> chain = jdbc.sql("select id, occurred_at, actor, action, visit_id, resident_ref, detail, municipality_code, "
            + "chain_position, previous_hash, entry_hash from audit_entry where chain_position is not null "
            + "order by chain_position")
        .query((rs, row) -> new Sealed(AuditLog.mapEntry(rs, row), rs.getLong("chain_position"),
            rs.getString("previous_hash"), rs.getString("entry_hash")))
        .list();
    if (!chain.isEmpty() && chain.get(0).position() > 1) {
      // Rotated: the entries before were exported with their hashes; the chain goes on from the first one kept.
      first = chain.get(0).position();
      previous = new Link(first - 1, chain.get(0).previousHash());
    }
    for (Sealed link : chain) {
      long expected = previous.position() + 1;
      if (link.position() != expected) {
        return new Verification(sealed, unsealed, first, false, expected, "entry missing from the chain");
      }
      if (!equal(link.previousHash(), previous.hash())) {
        return new Verification(sealed, unsealed, first, false, link.position(), "link to the previous entry changed");
      }
      if (!hash(link.position(), previous.hash(), link.entry()).equals(link.hash())) {
        return new Verification(sealed, unsealed, first, false, link.position(), "entry changed after it was sealed");
      }
      previous = new Link(link.position(), link.hash());
      sealed++;
    }
    return new Verification(sealed, unsealed, first, true, null, null);
  }

  private record Link(long position, String hash) {
    static final Link START = new Link(0, null);
  }

  /** An entry with its place in the chain; position and hashes are null until it is sealed. */
  public record Sealed(AuditEntry entry, Long position, String previousHash, String hash) {
  }

  /**
   * The entries written in [{@code from}, {@code to}), oldest first, at most {@code limit}, with their chain
   * fields: an export that can be archived and verified on its own before old entries are rotated out.
   */
  @Transactional(readOnly = true)
  public List<Sealed> export(Instant from, Instant to, int limit) {
    return jdbc.sql("select id, occurred_at, actor, action, visit_id, resident_ref, detail, municipality_code, chain_position, "
            + "previous_hash, entry_hash from audit_entry where occurred_at >= ? and occurred_at < ? "
            + "order by id fetch first ? rows only")
        .params(Timestamp.from(from), Timestamp.from(to), limit)
        .query((rs, row) -> new Sealed(AuditLog.mapEntry(rs, row), rs.getObject("chain_position", Long.class),
            rs.getString("previous_hash"), rs.getString("entry_hash")))
        .list();
  }

  /** SHA-256 over the position, the previous hash and every field, each length-prefixed so fields cannot blur. */
  static String hash(long position, String previousHash, AuditEntry entry) {
    StringBuilder text = new StringBuilder();
    for (String field : new String[] {Long.toString(position), previousHash, Long.toString(entry.id()),
        Long.toString(entry.occurredAt().toEpochMilli()), entry.actor(), entry.action().name(), entry.visitId(),
        entry.residentRef(), entry.detail(), entry.municipalityCode()}) {
      text.append(field == null ? -1 : field.length()).append(':').append(field == null ? "" : field).append('|');
    }
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private static boolean equal(String a, String b) {
    return a == null ? b == null : a.equals(b);
  }
}
