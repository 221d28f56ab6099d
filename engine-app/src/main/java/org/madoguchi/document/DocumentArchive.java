package org.madoguchi.document;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The paperless archive (電子保存) of signed applications. Each document stores its PDF's SHA-256 and the hash of
 * the document stored before it, whoever's visit that was: changing a stored document breaks its own hash,
 * and removing or replacing one breaks the link of the next. Writers take turns on the chain's head row; the
 * unique chain position still refuses a fork should anything write around it.
 */
@Component
public class DocumentArchive {

  private static final String COLUMNS = "id, visit_id, form_id, title, sha256, previous_sha256, chain_position, "
      + "created_at";

  private final JdbcClient jdbc;
  private final Clock clock;

  DocumentArchive(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Appends a document to the chain; runs in the caller's transaction, which holds the chain's head from here
   * to its end: another writer waits for it rather than failing.
   */
  public ArchivedDocument store(String visitId, String formId, String title, byte[] pdf) {
    long last = jdbc.sql("select chain_position from document_chain_head where id = 1 for update")
        .query(Long.class).single();
    Optional<String> lastSha256 = jdbc.sql("select sha256 from application_document where chain_position = ?")
        .param(last).query(String.class).optional();
    ArchivedDocument document = new ArchivedDocument(UUID.randomUUID().toString(), visitId, formId, title,
        sha256(pdf), lastSha256.orElse(null), last + 1, Instant.now(clock));
    jdbc.sql("insert into application_document (" + COLUMNS + ", pdf) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(document.id(), visitId, formId, title, document.sha256(), document.previousSha256(),
            document.chainPosition(), Timestamp.from(document.createdAt()), pdf)
        .update();
    jdbc.sql("update document_chain_head set chain_position = ? where id = 1").param(document.chainPosition())
        .update();
    return document;
  }

  public boolean hasDocuments(String visitId) {
    return jdbc.sql("select count(*) from application_document where visit_id = ?").param(visitId)
        .query(Integer.class).single() > 0;
  }

  public List<ArchivedDocument> ofVisit(String visitId) {
    return jdbc.sql("select " + COLUMNS + " from application_document where visit_id = ? order by chain_position")
        .param(visitId).query(DocumentArchive::map).list();
  }

  public Optional<ArchivedDocument> find(String id) {
    return jdbc.sql("select " + COLUMNS + " from application_document where id = ?").param(id)
        .query(DocumentArchive::map).optional();
  }

  public Optional<byte[]> pdf(String id) {
    return jdbc.sql("select pdf from application_document where id = ?").param(id).query(byte[].class).optional();
  }

  /** Checks each of the visit's documents against its stored hash and its link to the one before it. */
  public List<String> verify(String visitId) {
    List<String> problems = new ArrayList<>();
    for (ArchivedDocument document : ofVisit(visitId)) {
      byte[] pdf = pdf(document.id()).orElse(new byte[0]);
      if (!sha256(pdf).equals(document.sha256())) {
        problems.add("「" + document.title() + "」の内容が保存時から変更されています（SHA-256 不一致）。");
      }
      Optional<String> previous = jdbc.sql("select sha256 from application_document where chain_position = ?")
          .param(document.chainPosition() - 1).query(String.class).optional();
      boolean linked = document.chainPosition() == 1 ? document.previousSha256() == null
          : previous.isPresent() && previous.get().equals(document.previousSha256());
      if (!linked) {
        problems.add("「" + document.title() + "」の前の文書とのつながり（ハッシュチェーン）が切れています。");
      }
    }
    return problems;
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private static ArchivedDocument map(ResultSet rs, int row) throws SQLException {
    return new ArchivedDocument(rs.getString("id"), rs.getString("visit_id"), rs.getString("form_id"),
        rs.getString("title"), rs.getString("sha256"), rs.getString("previous_sha256"), rs.getLong("chain_position"),
        rs.getTimestamp("created_at").toInstant());
  }
}
